import { AsyncResource } from "node:async_hooks";
import { Redis } from "ioredis";
import {
  RateLimiterMemory,
  RateLimiterRedis,
  RateLimiterRes,
  type RateLimiterAbstract,
} from "rate-limiter-flexible";
import { env } from "@/lib/config/env";
import { AppError } from "@/lib/errors";
import { log } from "@/lib/log";
import { rateLimitBucket } from "./client-address";
import { processWide } from "@/lib/process-wide";

export type LimitKind = "auth" | "default" | "login_failures";

// Whose budget each kind counts: a client, by address, or an account, by username.
const bucketOf: Record<LimitKind, (key: string) => string> = {
  auth: rateLimitBucket,
  default: rateLimitBucket,
  login_failures: (username) => username,
};

type Limiters = {
  byKind: Record<LimitKind, RateLimiterAbstract | null>;
  points: Record<LimitKind, number>;
  redis: Redis | null;
  connected: Promise<void>;
};

const shared = processWide<Limiters>("rate-limit");

const COMMAND_TIMEOUT_MS = 300;

function connectRedis(url: string): Redis {
  // No offline queue and a single attempt: when Redis is away a request falls
  // back to the in-memory limiter at once instead of waiting for it. A Redis
  // that is connected but silent (overloaded, or packets dropped) would hold
  // every request forever without a command timeout.
  const redis = new Redis(url, {
    enableOfflineQueue: false,
    maxRetriesPerRequest: 1,
    connectTimeout: 1000,
    commandTimeout: COMMAND_TIMEOUT_MS,
    retryStrategy: (attempt) => Math.min(attempt * 200, 2000),
  });

  let reported = false;
  const report = (err: Error) => {
    if (!reported) {
      const message = "rate_limit.redis_unavailable: limits are per instance until it returns";
      log().error({ err }, message);
      reported = true;
    }
  };
  redis.on("error", report);
  redis.on("ready", () => {
    if (reported) {
      log().info("rate_limit.redis_recovered");
    }
    reported = false;
  });
  // A command that ran into the timeout means Redis is silent: reconnecting
  // makes it "not ready" until it answers again, so that meanwhile requests
  // fall back to memory at once instead of each waiting out the timeout.
  redis.on("silent", () => {
    if (redis.status === "ready") {
      report(new Error(`no answer within ${COMMAND_TIMEOUT_MS} ms`));
      redis.disconnect(true);
    }
  });

  return redis;
}

// Until the first connection is up the limiter answers from this instance's
// memory, so a freshly restarted instance would hand out fresh budgets: the
// first requests wait for Redis, for a second at most, or until it fails.
function firstConnection(redis: Redis): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      redis.off("ready", done).off("error", done);
      resolve();
    };
    const timer = setTimeout(done, 1000);
    redis.once("ready", done).once("error", done);
  });
}

function build(kind: LimitKind, points: number, duration: number, redis: Redis | null) {
  if (points === 0) {
    return null;
  }

  const memory = new RateLimiterMemory({ keyPrefix: kind, points, duration });
  if (!redis) {
    return memory;
  }

  return new RateLimiterRedis({
    storeClient: redis,
    keyPrefix: `agent-console:${kind}`,
    points,
    duration,
    rejectIfRedisNotReady: true,
    insuranceLimiter: memory,
  });
}

function limiters(): Limiters {
  return shared.get(() => {
    const config = env();
    const redis = config.REDIS_URL ? connectRedis(config.REDIS_URL) : null;
    const window = config.RATE_LIMIT_WINDOW_SECONDS;
    const points = {
      auth: config.RATE_LIMIT_AUTH,
      default: config.RATE_LIMIT_DEFAULT,
      login_failures: config.RATE_LIMIT_LOGIN_FAILURES,
    };

    return {
      redis,
      connected: redis ? firstConnection(redis) : Promise.resolve(),
      points,
      byKind: {
        auth: build("auth", points.auth, window, redis),
        default: build("default", points.default, window, redis),
        login_failures: build("login_failures", points.login_failures, window, redis),
      },
    };
  });
}

function quotaHeaders(limit: number, res: RateLimiterRes): Record<string, string> {
  return {
    "X-RateLimit-Limit": String(limit),
    "X-RateLimit-Remaining": String(Math.max(0, res.remainingPoints)),
    "X-RateLimit-Reset": String(Math.ceil(res.msBeforeNext / 1000)),
  };
}

function tooMany(limit: number, res: RateLimiterRes) {
  return new AppError("rate_limited", "Too many requests, retry later", {
    ...quotaHeaders(limit, res),
    "Retry-After": String(Math.max(1, Math.ceil(res.msBeforeNext / 1000))),
  });
}

// The memory store arms a timer for each new key, and a timer keeps the async
// context it was armed in until it fires: inside Next, the whole request
// (~23 kB) for the length of the window. Limiter calls run instead in a
// context made at start-up, outside any request, and pin nothing.
const startupContext = processWide<AsyncResource>("rate-limit.context");

export function prepareLimiters() {
  startupContext.get(() => new AsyncResource("agent-console.rate-limit"));
}

function outsideRequest<T>(call: () => T): T {
  const context = startupContext.peek();

  return context ? context.runInAsyncScope(call) : call();
}

// Takes one point from `key`'s budget (a client address for "auth" and
// "default", a username for "login_failures"); the returned headers tell the
// client what is left. Throws a 429 once the budget is spent.
export async function consume(kind: LimitKind, key: string): Promise<Record<string, string>> {
  const { byKind, points, connected } = limiters();
  const bucket = bucketOf[kind](key);
  await connected;
  const limiter = byKind[kind];
  if (!limiter) {
    return {};
  }

  const started = performance.now();
  try {
    return quotaHeaders(points[kind], await outsideRequest(() => limiter.consume(bucket)));
  } catch (rejection) {
    if (rejection instanceof RateLimiterRes) {
      throw tooMany(points[kind], rejection);
    }

    throw rejection;
  } finally {
    noticeSilence(started);
  }
}

function noticeSilence(started: number) {
  if (performance.now() - started >= COMMAND_TIMEOUT_MS) {
    limiters().redis?.emit("silent");
  }
}

// Refuses when `key` has no points left, without spending one.
export async function ensureQuota(kind: LimitKind, key: string) {
  const { byKind, points, connected } = limiters();
  await connected;
  const started = performance.now();
  const res = await byKind[kind]?.get(bucketOf[kind](key));
  noticeSilence(started);
  if (res && res.remainingPoints <= 0 && res.consumedPoints >= points[kind]) {
    throw tooMany(points[kind], res);
  }
}

// Redis trouble degrades the limiter (it falls back to per-instance memory)
// but never makes the service unready.
export async function limiterHealth() {
  const { redis, connected } = limiters();
  if (!redis) {
    return undefined;
  }

  await connected;
  const started = performance.now();
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      redis.ping(),
      new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error("no answer within 500 ms")), 500);
      }),
    ]);

    return { healthy: true as const, latency_ms: Math.round(performance.now() - started) };
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);

    return {
      healthy: true as const,
      degraded: true as const,
      latency_ms: Math.round(performance.now() - started),
      error: `Redis unavailable (${reason}); limits are per instance until it returns`,
    };
  } finally {
    clearTimeout(timer);
  }
}

export async function closeLimiters() {
  shared.peek()?.redis?.disconnect();
  shared.clear();
}
