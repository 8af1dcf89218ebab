import { describe, expect, it } from "vitest";
import { type RawAnswer, rawRequest, useApi } from "./support/http";

const api = useApi({ MAX_BODY_BYTES: "2048" });

const runbookHeaders = {
  "x-content-type-options": "nosniff",
  "x-frame-options": "DENY",
  "x-xss-protection": "1; mode=block",
};

function expectSecurityHeaders(answer: RawAnswer) {
  expect(answer.headers).toMatchObject(runbookHeaders);
  expect(answer.headers["referrer-policy"]).toBe("strict-origin-when-cross-origin");
  expect(answer.headers["content-security-policy"]).toMatch(/frame-ancestors 'none'/);
}

type Case = [string, number, string, { method?: string; auth?: boolean; body?: string }];

const cases: Case[] = [
  ["a liveness probe", 200, "/health", {}],
  ["an authenticated API call", 200, "/api/v1/auth/me", { auth: true }],
  ["a missing token", 401, "/api/v1/protected/test", {}],
  ["an unknown API path", 404, "/api/v1/unknown", {}],
  ["an unknown page", 404, "/no-such-page", {}],
  ["a method the route lacks", 405, "/api/v1/settings", { method: "PATCH", auth: true }],
  ["a method the probes lack", 405, "/health", { method: "POST" }],
  ["TRACE", 405, "/", { method: "TRACE" }],
  ["an oversized body", 413, "/api/v1/personas", { method: "POST", body: "x".repeat(4096) }],
  ["a redirect", 308, "/api/v1/personas/", { auth: true }],
];

describe("security headers", () => {
  it.each(cases)("are on %s (%i)", async (_, status, path, options) => {
    const headers: Record<string, string> = options.auth
      ? { authorization: `Bearer ${api.token}` }
      : {};
    if (options.body) {
      headers["content-type"] = "application/json";
      headers["content-length"] = String(options.body.length);
    }
    const answer = await rawRequest(api.server, path, {
      method: options.method,
      headers,
      chunks: options.body ? [Buffer.from(options.body)] : [],
    });

    expect(answer.status).toBe(status);
    expectSecurityHeaders(answer);
  });

  it("give API answers a CSP that allows nothing", async () => {
    const answer = await rawRequest(api.server, "/api/v1/auth/me");

    expect(answer.headers["content-security-policy"]).toBe(
      "default-src 'none'; frame-ancestors 'none'; base-uri 'none'",
    );
  });

  it("give each page its own script nonce", async () => {
    const first = await rawRequest(api.server, "/");
    const second = await rawRequest(api.server, "/");
    const nonce = (answer: RawAnswer) =>
      String(answer.headers["content-security-policy"]).match(/'nonce-([^']+)'/)?.[1];

    expect(nonce(first)).toBeTruthy();
    expect(nonce(first)).not.toBe(nonce(second));
  });

  it("leave out the X-Powered-By header", async () => {
    const answer = await rawRequest(api.server, "/api/v1/auth/me", {
      headers: { authorization: `Bearer ${api.token}` },
    });

    expect(answer.headers["x-powered-by"]).toBeUndefined();
  });

  it("mark API answers as not to be cached", async () => {
    const answer = await rawRequest(api.server, "/api/v1/auth/me", {
      headers: { authorization: `Bearer ${api.token}` },
    });

    expect(answer.headers["cache-control"]).toBe("no-store");
  });
});
