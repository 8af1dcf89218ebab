import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { adminApi, defaultPersonaId, writeSetting } from "../support/admin-api";
import { startRedis, type RedisServer } from "../support/redis";
import { removeDir, startServer, type RunningServer } from "../support/server";
import { STUB_PROVIDER_KEY, startStubProvider, type StubProvider } from "../support/stub-provider";

let redis: RedisServer;
let provider: StubProvider;
let servers: RunningServer[];

beforeAll(async () => {
  redis = await startRedis();
  provider = await startStubProvider();
  const env = {
    REDIS_URL: redis.url,
    OPENROUTER_BASE_URL: provider.url,
    OPENROUTER_API_KEY: STUB_PROVIDER_KEY,
    TRUSTED_PROXIES: "127.0.0.1",
    RATE_LIMIT_AUTH: "3",
    RATE_LIMIT_DEFAULT: "100000",
  };
  const first = await startServer({ env });
  servers = [first, await startServer({ dir: first.dir, env })];
});

afterAll(async () => {
  await Promise.all(servers.map((server) => server.stop()));
  await redis.stop();
  await provider.close();
  removeDir(servers[0].dir);
});

function login(server: RunningServer, client: string) {
  return fetch(`${server.url}/api/v1/auth/token`, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded", "x-forwarded-for": client },
    body: new URLSearchParams({ username: "admin", password: "changeme123" }),
  });
}

async function readiness(server: RunningServer) {
  const response = await fetch(`${server.url}/health/ready`);

  return { status: response.status, body: await response.json() };
}

async function eventually(check: () => Promise<boolean>, timeout = 10_000) {
  const deadline = Date.now() + timeout;
  while (!(await check())) {
    if (Date.now() > deadline) {
      throw new Error("condition not met in time");
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe("rate limits when Redis goes away and comes back", () => {
  it("reports the shared limiter healthy while Redis answers", async () => {
    for (const server of servers) {
      const { status, body } = await readiness(server);

      expect(status).toBe(200);
      expect(body.checks.rate_limiter).toEqual({ healthy: true, latency_ms: expect.any(Number) });
    }
  });

  it("answers little later while Redis accepts connections but never replies", async () => {
    const timedLogin = async () => {
      const started = performance.now();
      const response = await login(servers[0], "198.51.100.40");

      return { status: response.status, ms: performance.now() - started };
    };
    const before = await timedLogin();
    redis.pause();
    try {
      const paused = [await timedLogin(), await timedLogin()];

      expect(paused.map((attempt) => attempt.status)).toEqual([200, 200]);
      expect(Math.max(...paused.map((attempt) => attempt.ms))).toBeLessThan(before.ms + 1500);
    } finally {
      redis.resume();
    }
  });

  it("keeps both instances answering, never with a 500, once Redis is stopped", async () => {
    await redis.stop();

    for (const [i, server] of servers.entries()) {
      const login = await loginAs(server, `198.51.100.2${i}`);
      const api = await adminApi(server.url, login);
      const personaId = await defaultPersonaId(api);
      const write = await writeSetting(api, personaId, "persona_tone", `no redis ${i}`);

      expect(write.status).toBe(200);
      expect((await fetch(`${server.url}/health`)).status).toBe(200);
    }
    const lines = servers.flatMap((server) => server.logLines());
    expect(lines.filter((line) => Number(line.status_code) >= 500)).toEqual([]);
  });

  it("stays ready with the limiter marked degraded while Redis is away", async () => {
    for (const server of servers) {
      const { status, body } = await readiness(server);

      expect(status).toBe(200);
      expect(body.status).toBe("ready");
      expect(body.checks.rate_limiter).toMatchObject({ healthy: true, degraded: true });
      expect(body.checks.rate_limiter.error).toMatch(/^Redis unavailable/);
    }
  });

  it("says in each instance's log that limits are per instance", async () => {
    for (const server of servers) {
      const warned = server.logLines().find((line) => {
        return String(line.message).startsWith("rate_limit.redis_unavailable");
      });

      expect(warned).toMatchObject({ level: "ERROR" });
    }
  });

  it("falls back to a budget per instance while Redis is away", async () => {
    const [a, b] = servers;
    const onA = [];
    for (let i = 0; i < 4; i++) {
      onA.push((await login(a, "198.51.100.30")).status);
    }

    expect(onA).toEqual([200, 200, 200, 429]);
    expect((await login(b, "198.51.100.30")).status).toBe(200);
  });

  it("uses Redis again, shared by both instances, once it returns", async () => {
    await redis.start();
    for (const server of servers) {
      await eventually(async () => {
        const { body } = await readiness(server);

        return body.checks.rate_limiter.degraded === undefined;
      });
    }

    const statuses = [];
    for (let i = 0; i < 4; i++) {
      statuses.push((await login(servers[i % 2], "198.51.100.31")).status);
    }
    expect(statuses).toEqual([200, 200, 200, 429]);
    for (const server of servers) {
      const recovered = server.logLines().filter((l) => l.message === "rate_limit.redis_recovered");
      expect(recovered.length).toBeGreaterThan(0);
    }
  });
});

async function loginAs(server: RunningServer, client: string) {
  const response = await login(server, client);
  expect(response.status).toBe(200);

  return ((await response.json()) as { access_token: string }).access_token;
}
