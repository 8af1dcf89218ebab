import { env } from "@/lib/config/env";
import { probeClient } from "@/lib/db/client";
import { log } from "@/lib/log";
import { limiterHealth } from "@/lib/http/rate-limit";
import { isoSeconds } from "./clock";
import { recordReadiness } from "./history";
import { isDraining } from "./lifecycle";

export type Check =
  | { healthy: true; latency_ms: number; degraded?: true; error?: string }
  | { healthy: false; error: string; latency_ms?: number };

export type Readiness = {
  status: "ready" | "not_ready";
  timestamp: string;
  checks: Record<string, Check>;
};

const round = (ms: number) => Math.round(ms * 10) / 10;

class Timeout extends Error {}

// The error each check last failed with; a failure is logged when it starts or
// changes, and a recovery once, not on every probe of a long outage.
const lastErrors = new Map<string, string>();

function noteOutcome(name: string, error: unknown, message?: string) {
  const previous = lastErrors.get(name);
  if (message === undefined) {
    if (previous !== undefined) {
      lastErrors.delete(name);
      log().info({ check: name }, "readiness.check_recovered");
    }

    return;
  }

  if (previous !== message) {
    lastErrors.set(name, message);
    log().warn({ check: name, err: error }, "readiness.check_failed");
  }
}

// Each check gets the same budget; they run side by side, so the whole probe
// answers within READINESS_TIMEOUT_MS plus a little.
async function timed(name: string, probe: (signal: AbortSignal) => Promise<void>): Promise<Check> {
  const budget = env().READINESS_TIMEOUT_MS;
  const controller = new AbortController();
  const started = performance.now();
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      controller.abort();
      reject(new Timeout());
    }, budget);
  });

  try {
    await Promise.race([probe(controller.signal), deadline]);
    noteOutcome(name, undefined);

    return { healthy: true, latency_ms: round(performance.now() - started) };
  } catch (error) {
    const message = error instanceof Timeout ? `No answer within ${budget} ms` : errorText(error);
    noteOutcome(name, error, message);

    return { healthy: false, error: message };
  } finally {
    clearTimeout(timer);
  }
}

// fetch says only "fetch failed"; the reason (ECONNREFUSED, a DNS failure) is its cause.
function errorText(error: unknown) {
  if (!(error instanceof Error)) {
    return String(error);
  }

  const cause = error.cause as { code?: string; message?: string } | undefined;
  const reason = cause?.code ?? cause?.message;

  return reason ? `${error.message} (${reason})` : error.message;
}

// A real read of a migrated table, not just an open file. On a local file it
// waits on another process's lock for a quarter of the budget at most (see
// probeClient), so a locked database fails the check in time.
async function checkDatabase() {
  const busyTimeout = Math.min(250, Math.floor(env().READINESS_TIMEOUT_MS / 4));
  await probeClient(busyTimeout).execute("SELECT 1 FROM admins LIMIT 1");
}

async function checkProvider(signal: AbortSignal) {
  const { OPENROUTER_API_KEY, OPENROUTER_BASE_URL } = env();
  if (!OPENROUTER_API_KEY) {
    throw new Error("OPENROUTER_API_KEY is not set");
  }

  // Listing models is free and proves both reachability and the key.
  const response = await fetch(`${OPENROUTER_BASE_URL.replace(/\/$/, "")}/models`, {
    headers: { Authorization: `Bearer ${OPENROUTER_API_KEY}` },
    signal,
  });
  await response.body?.cancel();
  if (!response.ok) {
    throw new Error(`Provider answered HTTP ${response.status}`);
  }
}

async function runChecks(): Promise<Readiness> {
  const [dbCheck, provider, limiter] = await Promise.all([
    timed("db", checkDatabase),
    timed("openrouter", checkProvider),
    limiterHealth(),
  ]);
  const checks: Record<string, Check> = { db: dbCheck, openrouter: provider };
  if (limiter) {
    checks.rate_limiter = limiter;
  }

  const ready = Object.values(checks).every((check) => check.healthy);
  const status = ready ? "ready" : "not_ready";
  const result: Readiness = { status, timestamp: isoSeconds(), checks };
  recordReadiness(result);

  return result;
}

let inFlight: Promise<Readiness> | undefined;

// Probes that arrive together share one round of checks, so a burst of probes
// never multiplies the load on the database or the provider.
export async function readiness(): Promise<Readiness> {
  if (isDraining()) {
    return {
      status: "not_ready",
      timestamp: isoSeconds(),
      checks: { shutdown: { healthy: false, error: "Server is shutting down" } },
    };
  }

  inFlight ??= runChecks().finally(() => {
    inFlight = undefined;
  });

  return inFlight;
}
