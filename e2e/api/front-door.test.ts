import { describe, expect, it } from "vitest";
import { call, form, rawRequest, socketRequest, useApi, waitForLog } from "./support/http";

const ALLOWED = "http://localhost:5173";

// Readiness has no provider key here, so its provider check always fails.
const api = useApi({ CORS_ORIGINS: ALLOWED });

function tokenAttempt(origin: string) {
  const attempt = form({ username: "admin", password: "changeme123" });

  return call(api.server, "/api/v1/auth/token", {
    ...attempt,
    headers: { ...attempt.headers, origin },
  });
}

describe("paths are classified as Next routes them", () => {
  it("treats /_next/static/../../api/... as the API call it is, and logs it", async () => {
    const body = "username=admin&password=wrong-guess";
    // Written on a raw socket: fetch and node:http would resolve the `..` themselves.
    const answer = await socketRequest(
      api.server,
      "POST /_next/static/../../api/v1/auth/token HTTP/1.1\r\n" +
        "Host: 127.0.0.1\r\nConnection: close\r\n" +
        "Content-Type: application/x-www-form-urlencoded\r\n" +
        `Content-Length: ${body.length}\r\nX-Request-ID: dotted-path-1\r\n\r\n${body}`,
      { halfClose: false },
    );

    expect(answer).toMatch(/^HTTP\/1\.1 401 /);
    expect(answer).toContain("Content-Security-Policy: default-src 'none'");
    const line = await waitForLog(api.server, (entry) => entry.request_id === "dotted-path-1");
    expect(line).toMatchObject({ path: "/api/v1/auth/token", status_code: 401 });
  });
});

describe("cross-origin writes", () => {
  it("refuses a state-changing API call from an origin not in CORS_ORIGINS", async () => {
    const response = await tokenAttempt("http://evil.test");

    expect(response.status).toBe(403);
    expect(await response.json()).toEqual({ detail: "Origin not allowed" });
  });

  it("accepts the same call from an allowed origin and from the server's own origin", async () => {
    expect((await tokenAttempt(ALLOWED)).status).toBe(200);
    expect((await tokenAttempt(api.server.url)).status).toBe(200);
  });

  it("lets a disallowed origin read, without CORS headers", async () => {
    const response = await call(api.server, "/api/v1/health", {
      headers: { origin: "http://evil.test" },
    });

    expect(response.status).toBe(200);
    expect(response.headers.get("access-control-allow-origin")).toBeNull();
  });

  it("exposes the request id and every rate-limit header to allowed origins", async () => {
    const response = await call(api.server, "/api/v1/health", { headers: { origin: ALLOWED } });
    const exposed = response.headers.get("access-control-expose-headers") ?? "";

    for (const name of ["X-Request-ID", "Retry-After", "X-RateLimit-Limit", "X-RateLimit-Reset"]) {
      expect(exposed).toContain(name);
    }
  });
});

describe("console form posts", () => {
  it("refuses a streamed body with no Content-Length with 411 instead of a 500", async () => {
    const answer = await rawRequest(api.server, "/login", {
      method: "POST",
      headers: { "content-type": "text/plain", "next-action": "0".repeat(42) },
      chunks: [Buffer.alloc(2048, 120), Buffer.alloc(2048, 120)],
    });

    expect(answer.status).toBe(411);
    expect(JSON.parse(answer.body)).toEqual({ detail: "Content-Length is required" });
  });
});

describe("the log", () => {
  it("stays one JSON object per line when Next itself reports an error", async () => {
    const response = await call(api.server, "/personas", {
      method: "POST",
      headers: { "next-action": "not-an-action", "content-type": "text/plain" },
      body: "x",
    });
    expect(response.status).toBeLessThan(500);
    await new Promise((resolve) => setTimeout(resolve, 300));

    const loose = api.server.logs.filter((line) => line.trim() && !line.startsWith("{"));
    expect(loose).toEqual([]);
  });

  it("reports a failing readiness check once, not on every probe", async () => {
    for (let i = 0; i < 5; i++) {
      expect((await call(api.server, "/health/ready")).status).toBe(503);
    }

    const failures = api.server
      .logLines()
      .filter((line) => line.message === "readiness.check_failed" && line.check === "openrouter");
    expect(failures).toHaveLength(1);
  });
});
