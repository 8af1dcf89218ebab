import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { removeDir, startServer, type RunningServer } from "../support/server";
import { STUB_PROVIDER_KEY, startStubProvider, type StubProvider } from "../support/stub-provider";

let server: RunningServer;
let provider: StubProvider;

beforeAll(async () => {
  provider = await startStubProvider();
  server = await startServer({
    env: {
      OPENROUTER_BASE_URL: provider.url,
      OPENROUTER_API_KEY: STUB_PROVIDER_KEY,
      READINESS_TIMEOUT_MS: "500",
    },
  });
});

afterAll(async () => {
  await server?.stop();
  await provider?.close();
  removeDir(server.dir);
});

describe("health probes", () => {
  it.each(["/health", "/api/v1/health"])("%s answers ok with a timestamp", async (path) => {
    const response = await fetch(server.url + path);

    expect(response.status).toBe(200);
    const body = await response.json();
    expect(body.status).toBe("ok");
    expect(body.timestamp).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
  });

  it("readiness is ready when the database and the provider answer", async () => {
    provider.setMode("up");
    const response = await fetch(`${server.url}/health/ready`);

    expect(response.status).toBe(200);
    const body = await response.json();
    expect(body.status).toBe("ready");
    expect(body.checks.db.healthy).toBe(true);
    expect(body.checks.openrouter).toMatchObject({ healthy: true });
    expect(provider.requests.at(-1)).toMatchObject({
      path: "/api/v1/models",
      authorization: `Bearer ${STUB_PROVIDER_KEY}`,
    });
  });

  it("readiness is 503 not_ready with the error when the provider fails", async () => {
    provider.setMode("down");
    const response = await fetch(`${server.url}/api/v1/health/ready`);

    expect(response.status).toBe(503);
    const body = await response.json();
    expect(body.status).toBe("not_ready");
    expect(body.checks.openrouter).toEqual({ healthy: false, error: "Provider answered HTTP 502" });
    expect(body.checks.db.healthy).toBe(true);
  });

  it("agent status is not_started until an agent reports", async () => {
    const response = await fetch(`${server.url}/health/agent`);

    expect(await response.json()).toEqual({ status: "not_started", last_activity: null });
  });
});

describe("readiness and the provider", () => {
  it("says the provider key is not set instead of pretending", async () => {
    const keyless = await startServer();
    try {
      const response = await fetch(`${keyless.url}/health/ready`);
      const body = await response.json();

      expect(response.status).toBe(503);
      expect(body.checks.openrouter).toEqual({
        healthy: false,
        error: "OPENROUTER_API_KEY is not set",
      });
      expect(body.checks.db.healthy).toBe(true);
    } finally {
      await keyless.stop();
      removeDir(keyless.dir);
    }
  });

  it("reports a rejected key", async () => {
    provider.setMode("unauthorized");
    const body = await (await fetch(`${server.url}/health/ready`)).json();

    expect(body.checks.openrouter).toEqual({ healthy: false, error: "Provider answered HTTP 401" });
  });

  it("answers within READINESS_TIMEOUT_MS when the provider never answers", async () => {
    provider.setMode("hang");
    const started = performance.now();
    const response = await fetch(`${server.url}/health/ready`);
    const elapsed = performance.now() - started;

    expect(response.status).toBe(503);
    expect((await response.json()).checks.openrouter.error).toBe("No answer within 500 ms");
    expect(elapsed).toBeLessThan(2000);
  });

  it("keeps liveness at 200 while the provider is down", async () => {
    provider.setMode("down");

    expect((await fetch(`${server.url}/health`)).status).toBe(200);
  });
});
