import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { AppError } from "@/lib/errors";
import { closeLimiters, consume, ensureQuota, type LimitKind } from "./rate-limit";

// rate-limiter-flexible's memory store reads Date.now and expires keys with
// timers, so a fake clock drives whole windows in no time.
beforeAll(() => {
  vi.stubEnv("SECRET_KEY", "unit-test-secret-key-that-is-long-enough");
  vi.stubEnv("RATE_LIMIT_AUTH", "3");
  vi.stubEnv("RATE_LIMIT_DEFAULT", "5");
  vi.stubEnv("RATE_LIMIT_LOGIN_FAILURES", "3");
  vi.stubEnv("RATE_LIMIT_WINDOW_SECONDS", "60");
  vi.stubEnv("REDIS_URL", "");
});

afterAll(() => {
  vi.unstubAllEnvs();
});

beforeEach(() => {
  vi.useFakeTimers({ now: new Date("2026-01-01T00:00:00Z") });
});

afterEach(async () => {
  await closeLimiters();
  vi.useRealTimers();
});

async function refusal(attempt: Promise<unknown>): Promise<AppError> {
  const error = await attempt.then(
    () => undefined,
    (reason: unknown) => reason,
  );
  expect(error).toBeInstanceOf(AppError);

  return error as AppError;
}

// Uses up the whole budget of 3 points.
async function spend(kind: LimitKind, key: string) {
  for (let i = 0; i < 3; i++) {
    await consume(kind, key);
  }
}

describe("consume", () => {
  it("counts the remaining quota down in its headers", async () => {
    const remaining = [];
    for (let i = 0; i < 3; i++) {
      remaining.push((await consume("auth", "1.1.1.1"))["X-RateLimit-Remaining"]);
    }

    expect(remaining).toEqual(["2", "1", "0"]);
  });

  it("refuses once the budget is spent with 429, Retry-After and the quota headers", async () => {
    await spend("auth", "1.1.1.1");
    const error = await refusal(consume("auth", "1.1.1.1"));

    expect(error.status).toBe(429);
    expect(error.headers).toMatchObject({
      "Retry-After": "60",
      "X-RateLimit-Limit": "3",
      "X-RateLimit-Remaining": "0",
    });
  });

  it("tells how long is left of the window in Retry-After", async () => {
    await spend("auth", "1.1.1.1");
    await vi.advanceTimersByTimeAsync(45_000);
    const error = await refusal(consume("auth", "1.1.1.1"));

    expect(error.headers["Retry-After"]).toBe("15");
  });

  it("gives a full budget back when the window has passed", async () => {
    await spend("auth", "1.1.1.1");
    await vi.advanceTimersByTimeAsync(60_001);

    expect((await consume("auth", "1.1.1.1"))["X-RateLimit-Remaining"]).toBe("2");
  });

  it("keeps each client's budget apart", async () => {
    await spend("auth", "1.1.1.1");

    expect((await consume("auth", "2.2.2.2"))["X-RateLimit-Remaining"]).toBe("2");
  });

  it("keeps the auth and default budgets apart", async () => {
    await spend("auth", "1.1.1.1");
    const headers = await consume("default", "1.1.1.1");

    expect(headers["X-RateLimit-Limit"]).toBe("5");
    expect(headers["X-RateLimit-Remaining"]).toBe("4");
  });

  it("never answers Retry-After 0, even in a window's last moment", async () => {
    await spend("auth", "1.1.1.1");
    await vi.advanceTimersByTimeAsync(59_900);
    const error = await refusal(consume("auth", "1.1.1.1"));

    expect(error.headers["Retry-After"]).toBe("1");
  });
});

describe("ensureQuota", () => {
  it("spends nothing", async () => {
    for (let i = 0; i < 10; i++) {
      await ensureQuota("login_failures", "admin");
    }

    expect((await consume("login_failures", "admin"))["X-RateLimit-Remaining"]).toBe("2");
  });

  it("refuses once the budget is spent, until the window passes", async () => {
    await spend("login_failures", "admin");

    expect((await refusal(ensureQuota("login_failures", "admin"))).status).toBe(429);
    await vi.advanceTimersByTimeAsync(60_001);
    await expect(ensureQuota("login_failures", "admin")).resolves.toBeUndefined();
  });
});

describe("a limit of 0", () => {
  it("turns the limit off", async () => {
    vi.stubEnv("RATE_LIMIT_DEFAULT", "0");
    vi.resetModules();
    const fresh = await import("./rate-limit");
    const envModule = await import("@/lib/config/env");
    expect(envModule.env().RATE_LIMIT_DEFAULT).toBe(0);

    for (let i = 0; i < 100; i++) {
      expect(await fresh.consume("default", "1.1.1.1")).toEqual({});
    }
    await fresh.closeLimiters();
  });
});
