import { describe, expect, it } from "vitest";
import { loginPath, safeNextPath, withQuery } from "./next-path";

describe("safeNextPath", () => {
  it.each([
    ["/personas", "/personas"],
    ["/personas/abc?tab=1#x", "/personas/abc?tab=1#x"],
    ["/", "/"],
    // Encoded characters stay encoded: still a path on this site.
    ["/%0d%0aSet-Cookie:x", "/%0d%0aSet-Cookie:x"],
  ])("keeps the on-site path %s", (input, expected) => {
    expect(safeNextPath(input)).toBe(expected);
  });

  it.each([
    "//evil.example",
    "//evil.example/path",
    "/\\evil.example",
    "\\\\evil.example",
    "https://evil.example/",
    "http:evil.example",
    "javascript:alert(1)",
    "evil.example",
    "/\tevil",
    "",
    "/login",
    "/login?next=/x",
  ])("sends %j to the overview", (input) => {
    expect(safeNextPath(input)).toBe("/");
  });

  it("ignores values that are not strings", () => {
    expect(safeNextPath(undefined)).toBe("/");
    expect(safeNextPath(["/personas"])).toBe("/");
  });
});

describe("loginPath", () => {
  it("carries the page to come back to", () => {
    expect(loginPath("/personas/x")).toBe("/login?next=%2Fpersonas%2Fx");
  });

  it("leaves out the overview and anything off site", () => {
    expect(loginPath("/")).toBe("/login");
    expect(loginPath("//evil.example")).toBe("/login");
  });
});

describe("withQuery", () => {
  it("keeps a page's query, repeated keys included", () => {
    expect(withQuery("/personas", { x: "1", tag: ["a", "b"] })).toBe("/personas?x=1&tag=a&tag=b");
  });

  it("leaves a path without a query as it is", () => {
    expect(withQuery("/admins", {})).toBe("/admins");
  });

  it("encodes what it adds, so the result is still an on-site path", () => {
    expect(loginPath(withQuery("/", { next: "//evil.example" }))).toBe(
      "/login?next=%2F%3Fnext%3D%252F%252Fevil.example",
    );
  });
});
