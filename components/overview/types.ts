import type { Readiness } from "@/lib/health/readiness";

export type { Check, Readiness } from "@/lib/health/readiness";

export type AgentStatus = { status: string; last_activity: string | null };

export type Liveness = { ok: boolean; timestamp?: string; error?: string };

export type HealthSnapshot = {
  live: Liveness;
  ready: Readiness | null;
  agent: AgentStatus | null;
  // The server's recent readiness answers, oldest first (first render only).
  history?: Readiness[];
  // When the browser last heard back, or why it could not.
  checkedAt: string;
  error?: string;
};

// One readiness answer, reduced to what the chart draws.
export type Sample = {
  at: string;
  latencies: Record<string, number | null>;
};

export function sampleOf(ready: Readiness, at = ready.timestamp): Sample {
  const latencies: Record<string, number | null> = {};
  for (const [name, check] of Object.entries(ready.checks)) {
    latencies[name] = check.healthy ? check.latency_ms : null;
  }

  return { at, latencies };
}
