import { describe, expect, it } from "vitest";
import { call, useApi } from "./support/http";

const ALLOWED = "http://localhost:5173";

const api = useApi({ CORS_ORIGINS: `["http://localhost:3000", "${ALLOWED}"]` });

function preflight(origin: string, method = "POST") {
  return call(api.server, "/api/v1/settings", {
    method: "OPTIONS",
    headers: {
      origin,
      "access-control-request-method": method,
      "access-control-request-headers": "authorization, content-type",
    },
  });
}

describe("CORS on a simple request", () => {
  it("names an allowed origin in Access-Control-Allow-Origin", async () => {
    const response = await call(api.server, "/api/v1/health", { headers: { origin: ALLOWED } });

    expect(response.headers.get("access-control-allow-origin")).toBe(ALLOWED);
    expect(response.headers.get("vary")).toContain("Origin");
    expect(response.headers.get("access-control-expose-headers")).toContain("X-Request-ID");
  });

  it("names an allowed origin on an API error too", async () => {
    const response = await call(api.server, "/api/v1/auth/me", { headers: { origin: ALLOWED } });

    expect(response.status).toBe(401);
    expect(response.headers.get("access-control-allow-origin")).toBe(ALLOWED);
  });

  it.each(["http://evil.example", "http://localhost:5174", "null", "https://localhost:5173"])(
    "gives the origin %s no Access-Control-Allow-Origin",
    async (origin) => {
      const response = await call(api.server, "/api/v1/health", { headers: { origin } });

      expect(response.status).toBe(200);
      expect(response.headers.get("access-control-allow-origin")).toBeNull();
    },
  );

  it("never answers with a wildcard", async () => {
    const response = await call(api.server, "/api/v1/health");

    expect(response.headers.get("access-control-allow-origin")).toBeNull();
  });
});

describe("CORS preflight", () => {
  it("allows an allowed origin, its method and its headers", async () => {
    const response = await preflight(ALLOWED);

    expect(response.status).toBe(204);
    expect(response.headers.get("access-control-allow-origin")).toBe(ALLOWED);
    expect(response.headers.get("access-control-allow-methods")).toContain("POST");
    const allowedHeaders = response.headers.get("access-control-allow-headers")?.toLowerCase();
    expect(allowedHeaders).toContain("authorization");
    expect(allowedHeaders).toContain("content-type");
    expect(response.headers.get("vary")).toContain("Origin");
  });

  it("refuses another origin without allowing it", async () => {
    const response = await preflight("http://evil.example");

    expect(response.status).toBe(403);
    expect(response.headers.get("access-control-allow-origin")).toBeNull();
  });
});
