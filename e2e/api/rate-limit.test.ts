import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { removeDir, startServer, type RunningServer } from "../support/server";
import { call, form, waitForLog } from "./support/http";

// Runbook limits (10/min auth, 60/min elsewhere) on one server; small limits,
// a short window and a trusted proxy on the other.
let defaults: RunningServer;
let tuned: RunningServer;

const WINDOW = 15;

beforeAll(async () => {
  [defaults, tuned] = await Promise.all([
    startServer(),
    startServer({
      env: {
        RATE_LIMIT_AUTH: "3",
        RATE_LIMIT_DEFAULT: "5",
        RATE_LIMIT_LOGIN_FAILURES: "3",
        RATE_LIMIT_WINDOW_SECONDS: String(WINDOW),
        TRUSTED_PROXIES: "127.0.0.1",
      },
    }),
  ]);
});

afterAll(async () => {
  for (const server of [defaults, tuned]) {
    await server?.stop();
    removeDir(server.dir);
  }
});

// A token request the server refuses cheaply (415) but still counts.
function authHit(server: RunningServer, headers: Record<string, string> = {}) {
  return call(server, "/api/v1/auth/token", {
    method: "POST",
    body: "x",
    headers: { "content-type": "text/plain", ...headers },
  });
}

function defaultHit(server: RunningServer, headers: Record<string, string> = {}) {
  return call(server, "/api/v1/protected/test", { headers });
}

async function spend(hit: () => Promise<Response>, count: number) {
  const remaining: (string | null)[] = [];
  for (let i = 0; i < count; i++) {
    const response = await hit();
    expect(response.status).not.toBe(429);
    remaining.push(response.headers.get("x-ratelimit-remaining"));
  }

  return remaining;
}

describe("the runbook's limits", () => {
  it("allows 10 auth requests a minute, counting down the remaining quota", async () => {
    const remaining = await spend(() => authHit(defaults), 10);

    expect(remaining).toEqual(["9", "8", "7", "6", "5", "4", "3", "2", "1", "0"]);
  });

  it("answers the 11th auth request with 429, Retry-After and no quota left", async () => {
    const response = await authHit(defaults, { "x-request-id": "limited-1" });

    expect(response.status).toBe(429);
    expect(await response.json()).toEqual({ detail: "Too many requests, retry later" });
    const retryAfter = Number(response.headers.get("retry-after"));
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(60);
    expect(response.headers.get("x-ratelimit-remaining")).toBe("0");
    expect(response.headers.get("x-ratelimit-limit")).toBe("10");
    expect(response.headers.get("x-frame-options")).toBe("DENY");
    expect(response.headers.get("content-security-policy")).toContain("default-src 'none'");
  });

  it("logs the 429 like any other request", async () => {
    const line = await waitForLog(defaults, (entry) => entry.request_id === "limited-1");

    expect(line.status_code).toBe(429);
  });

  it("does not let one client's failed logins lock the account for everyone", async () => {
    const other = await startServer({ env: { TRUSTED_PROXIES: "127.0.0.1" } });
    try {
      for (let i = 0; i < 10; i++) {
        const guess = form({ username: "admin", password: `guess-${i}` });
        const response = await call(other, "/api/v1/auth/token", {
          ...guess,
          headers: { ...guess.headers, "x-forwarded-for": "192.0.2.99" },
        });
        expect(response.status).toBe(401);
      }

      const right = form({ username: "admin", password: "changeme123" });
      const response = await call(other, "/api/v1/auth/token", {
        ...right,
        headers: { ...right.headers, "x-forwarded-for": "192.0.2.100" },
      });
      expect(response.status).toBe(200);
    } finally {
      await other.stop();
      removeDir(other.dir);
    }
  });

  it("refuses a real login too once the auth budget is spent", async () => {
    const body = form({ username: "admin", password: "changeme123" });
    const response = await call(defaults, "/api/v1/auth/token", body);

    expect(response.status).toBe(429);
  });

  it("does not give a new budget to a spoofed X-Forwarded-For from an untrusted peer", async () => {
    const response = await authHit(defaults, { "x-forwarded-for": "203.0.113.77" });

    expect(response.status).toBe(429);
  });

  it("keeps the other endpoints' budget apart from the auth budget", async () => {
    const response = await defaultHit(defaults);

    expect(response.status).toBe(401);
    expect(response.headers.get("x-ratelimit-limit")).toBe("60");
  });

  it("allows 60 other requests a minute, then answers 429", async () => {
    await spend(() => defaultHit(defaults), 59);
    const response = await call(defaults, "/api/v1/personas");

    expect(response.status).toBe(429);
    expect(Number(response.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
  });

  it.each(["/health", "/health/ready", "/health/agent", "/api/v1/health", "/api/v1/health/ready"])(
    "never limits the probe %s, even for a client out of budget",
    async (path) => {
      for (let i = 0; i < 15; i++) {
        const response = await call(defaults, path);
        expect(response.status).not.toBe(429);
        expect(response.headers.get("x-ratelimit-remaining")).toBeNull();
      }
    },
  );
});

describe("RATE_LIMIT_AUTH, RATE_LIMIT_DEFAULT and TRUSTED_PROXIES", () => {
  it("limits auth requests to RATE_LIMIT_AUTH", async () => {
    const client = { "x-forwarded-for": "198.51.100.1" };
    await spend(() => authHit(tuned, client), 3);

    const response = await authHit(tuned, client);
    expect(response.status).toBe(429);
    expect(response.headers.get("x-ratelimit-limit")).toBe("3");
  });

  it("limits other requests to RATE_LIMIT_DEFAULT", async () => {
    const client = { "x-forwarded-for": "198.51.100.2" };
    await spend(() => defaultHit(tuned, client), 5);

    expect((await defaultHit(tuned, client)).status).toBe(429);
  });

  it("gives each client behind a trusted proxy its own budget", async () => {
    const first = { "x-forwarded-for": "198.51.100.3" };
    await spend(() => authHit(tuned, first), 3);
    expect((await authHit(tuned, first)).status).toBe(429);

    const second = await authHit(tuned, { "x-forwarded-for": "198.51.100.4" });
    expect(second.status).toBe(415);
    expect(second.headers.get("x-ratelimit-remaining")).toBe("2");
  });

  it("gives all the addresses of one IPv6 /64 a single budget", async () => {
    await spend(() => authHit(tuned, { "x-forwarded-for": "2001:db8:7:7::1" }), 3);

    const sameNetwork = await authHit(tuned, { "x-forwarded-for": "2001:db8:7:7:abcd::99" });
    expect(sameNetwork.status).toBe(429);
    const nextNetwork = await authHit(tuned, { "x-forwarded-for": "2001:db8:7:8::1" });
    expect(nextNetwork.status).toBe(415);
  });

  it("counts the hop nearest the proxy, not one the client prepended", async () => {
    const client = "198.51.100.5";
    await spend(() => authHit(tuned, { "x-forwarded-for": client }), 3);

    const spoofed = await authHit(tuned, { "x-forwarded-for": `10.9.9.9, ${client}` });
    expect(spoofed.status).toBe(429);
  });

  it("refills the budget when the window has passed", async () => {
    const client = { "x-forwarded-for": "198.51.100.6" };
    await spend(() => authHit(tuned, client), 3);
    const refused = await authHit(tuned, client);
    expect(refused.status).toBe(429);

    const wait = Number(refused.headers.get("retry-after"));
    expect(wait).toBeLessThanOrEqual(WINDOW);
    await new Promise((resolve) => setTimeout(resolve, wait * 1000 + 300));
    expect((await authHit(tuned, client)).status).toBe(415);
  });

  it("locks an account after RATE_LIMIT_LOGIN_FAILURES failures from many addresses", async () => {
    for (let i = 0; i < 3; i++) {
      const guess = form({ username: "admin", password: `guess-${i}` });
      const response = await call(tuned, "/api/v1/auth/token", {
        ...guess,
        headers: { ...guess.headers, "x-forwarded-for": `192.0.2.${i + 1}` },
      });
      expect(response.status).toBe(401);
    }

    const right = form({ username: "admin", password: "changeme123" });
    const response = await call(tuned, "/api/v1/auth/token", {
      ...right,
      headers: { ...right.headers, "x-forwarded-for": "192.0.2.50" },
    });
    expect(response.status).toBe(429);
  });
});
