import { describe, expect, it } from "vitest";
import { call, form, login, socketRequest, useApi, waitForLog } from "./support/http";

const PASSWORD = "Log-Canary-Password-7431";
const NEW_PASSWORD = "Log-Canary-Changed-9902";

const api = useApi({ ADMIN_PASSWORD: PASSWORD });

const requestLines = () => api.server.logLines().filter((line) => line.message === "request");

describe("X-Request-ID", () => {
  it.each(["custom-123", "abc-123-def", "a.b:c_d", "x".repeat(128)])(
    "echoes the client's sane id %s",
    async (id) => {
      const response = await call(api.server, "/api/v1/health", {
        headers: { "x-request-id": id },
      });

      expect(response.headers.get("x-request-id")).toBe(id);
    },
  );

  it.each([
    ["too long", "x".repeat(129)],
    ["with spaces", "two words"],
    ["with a quote", 'say"hi'],
    ["with a tab", "a\tb"],
    ["with a slash", "a/b"],
  ])("replaces an id %s with a new one", async (_, id) => {
    const response = await call(api.server, "/api/v1/health", { headers: { "x-request-id": id } });
    const answered = response.headers.get("x-request-id");

    expect(answered).not.toBe(id);
    expect(answered).toMatch(/^[0-9a-f-]{36}$/);
  });

  it("never echoes an id carrying a control character", async () => {
    // No HTTP client sends one, so the request is written by hand; Node's
    // parser refuses it before any handler runs.
    const request = "GET /health HTTP/1.1\r\nHost: x\r\nX-Request-ID: a\u0001b\r\n\r\n";
    const answer = await socketRequest(api.server, request);

    expect(answer).toMatch(/^HTTP\/1.1 400 /);
    expect(answer).not.toContain("a\u0001b");
    expect(answer).toContain("X-Frame-Options: DENY");
    expect(answer).toContain('{"detail":"Bad Request"}');
  });

  it("makes one up when the client sends none", async () => {
    const response = await call(api.server, "/api/v1/auth/me");

    expect(response.headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);
  });

  it("is on error answers too", async () => {
    const response = await call(api.server, "/api/v1/nowhere", {
      headers: { "x-request-id": "err-1" },
    });

    expect(response.status).toBe(404);
    expect(response.headers.get("x-request-id")).toBe("err-1");
  });
});

describe("the request log", () => {
  it("writes one JSON line per API request with the runbook's fields", async () => {
    const id = "log-fields-1";
    await call(api.server, "/api/v1/protected/test", { headers: { "x-request-id": id } });
    const line = await waitForLog(api.server, (entry) => entry.request_id === id);

    expect(line).toEqual(
      expect.objectContaining({
        level: "INFO",
        method: "GET",
        path: "/api/v1/protected/test",
        status_code: 401,
        request_id: id,
      }),
    );
    expect(line.timestamp).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    expect(typeof line.latency_ms).toBe("number");
  });

  it("writes exactly one line for each request, whatever its outcome", async () => {
    const calls: [string, { method?: string; json?: unknown }][] = [
      ["/api/v1/health", {}],
      ["/api/v1/personas", {}],
      ["/api/v1/settings", { json: { key: "x" } }],
      ["/api/v1/nowhere", {}],
      ["/api/v1/auth/token", { method: "GET" }],
    ];
    for (const [index, [path, options]] of calls.entries()) {
      await call(api.server, path, {
        ...options,
        headers: { "x-request-id": `one-line-${index}` },
      });
    }
    await waitForLog(api.server, (entry) => entry.request_id === `one-line-${calls.length - 1}`);

    for (const index of calls.keys()) {
      const lines = requestLines().filter((line) => line.request_id === `one-line-${index}`);
      expect(lines).toHaveLength(1);
      expect(lines[0].path).toBe(calls[index][0]);
    }
  });

  it("logs the path without its query string", async () => {
    const id = "log-query-1";
    await call(api.server, "/api/v1/settings?persona_id=secret-ish", {
      headers: { "x-request-id": id },
    });
    const line = await waitForLog(api.server, (entry) => entry.request_id === id);

    expect(line.path).toBe("/api/v1/settings");
  });

  it("never writes a password, a token or an Authorization value", async () => {
    const token = await login(api.server, "admin", PASSWORD);
    await call(api.server, "/api/v1/auth/me", { token });
    await call(
      api.server,
      "/api/v1/auth/token",
      form({ username: "admin", password: `${PASSWORD}x` }),
    );
    await call(api.server, "/api/v1/auth/token", form({ username: PASSWORD, password: PASSWORD }));
    await call(api.server, "/api/v1/auth/password", {
      token,
      json: { current_password: PASSWORD, new_password: NEW_PASSWORD },
    });
    await call(api.server, "/api/v1/auth/me", {
      token,
      headers: { "x-request-id": "last-secret" },
    });
    await waitForLog(api.server, (entry) => entry.request_id === "last-secret");
    const output = api.server.logs.join("\n");

    expect(output).not.toContain(PASSWORD);
    expect(output).not.toContain(NEW_PASSWORD);
    expect(output).not.toContain(token);
    expect(output).not.toContain(token.split(".")[2]);
    expect(output.toLowerCase()).not.toContain("bearer ");
  });
});
