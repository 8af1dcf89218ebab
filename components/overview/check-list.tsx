import { Badge } from "@/components/ui/badge";
import type { Check } from "./types";

export const checkLabels: Record<string, string> = {
  db: "Database",
  openrouter: "LLM provider",
  rate_limiter: "Rate limiter (Redis)",
  shutdown: "Shutdown",
};

const rowTone = {
  ok: "border-slate-200 dark:border-slate-800",
  bad: "border-red-500 bg-red-50 dark:border-red-500 dark:bg-red-950",
};

const failedText = "font-medium text-red-700 dark:text-red-300";

function latency(check: Check) {
  return check.latency_ms === undefined ? "" : `${check.latency_ms} ms`;
}

function CheckRow({ name, check }: { name: string; check: Check }) {
  const degraded = check.healthy && check.degraded;
  const state = !check.healthy ? "Unhealthy" : degraded ? "Degraded" : "Healthy";

  return (
    <li
      aria-label={checkLabels[name] ?? name}
      className={`rounded-md border p-3 ${check.healthy ? rowTone.ok : rowTone.bad}`}
    >
      <div className="flex flex-wrap items-center justify-between gap-2">
        <span className="font-medium">{checkLabels[name] ?? name}</span>
        <span className="flex items-center gap-3 text-sm tabular-nums">
          <span className="text-slate-600 dark:text-slate-400">{latency(check)}</span>
          <Badge tone={!check.healthy ? "bad" : degraded ? "warn" : "ok"}>{state}</Badge>
        </span>
      </div>
      {check.error && (
        <p className={`mt-2 text-sm ${check.healthy ? "" : failedText}`}>{check.error}</p>
      )}
    </li>
  );
}

export function CheckList({ checks }: { checks?: Record<string, Check> }) {
  if (!checks) {
    return (
      <p className="text-sm text-slate-500">Readiness is unknown: the probe did not answer.</p>
    );
  }

  return (
    <ul className="space-y-2">
      {Object.entries(checks).map(([name, check]) => (
        <CheckRow key={name} name={name} check={check} />
      ))}
    </ul>
  );
}
