import { describe, expect, it } from "vitest";
import { call, useApi } from "./support/http";

const api = useApi();

// Each API route, the methods it takes and some it refuses.
const routes: [string, string, string[]][] = [
  ["/api/v1/auth/token", "POST", ["GET", "PUT", "PATCH", "DELETE"]],
  ["/api/v1/auth/me", "GET", ["POST", "PUT", "PATCH", "DELETE"]],
  ["/api/v1/auth/password", "POST", ["GET", "PUT", "PATCH", "DELETE"]],
  ["/api/v1/admins", "GET, POST", ["PUT", "PATCH", "DELETE"]],
  ["/api/v1/personas", "GET, POST", ["PUT", "PATCH", "DELETE"]],
  ["/api/v1/settings", "GET, POST, DELETE", ["PUT", "PATCH"]],
  ["/api/v1/agent/status", "POST", ["GET", "PUT", "PATCH", "DELETE"]],
  ["/api/v1/protected/test", "GET", ["POST", "PUT", "PATCH", "DELETE"]],
];

const cases = routes.flatMap(([path, allow, refused]) =>
  refused.map((method) => [method, path, allow] as const),
);

describe("a method an API route does not take", () => {
  it.each(cases)("%s %s answers a JSON 405 naming %s in Allow", async (method, path, allow) => {
    const response = await call(api.server, path, { method, token: api.token });

    expect(response.status).toBe(405);
    expect(response.headers.get("allow")).toBe(allow);
    expect(response.headers.get("content-type")).toMatch(/^application\/json/);
    expect(await response.json()).toEqual({ detail: "Method Not Allowed" });
  });

  it("answers HEAD on a POST-only route with a 405 and no body", async () => {
    const response = await call(api.server, "/api/v1/auth/token", { method: "HEAD" });

    expect(response.status).toBe(405);
    expect(response.headers.get("allow")).toBe("POST");
    expect(await response.text()).toBe("");
  });
});
