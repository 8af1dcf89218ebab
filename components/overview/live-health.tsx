"use client";

import { Alert } from "@/components/ui/alert";
import type { Tone } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { activityAge } from "./activity-age";
import { CheckList } from "./check-list";
import { LatencyChart } from "./latency-chart";
import { StatusTile } from "./status-tile";
import type { HealthSnapshot } from "./types";
import { POLL_MS, useHealthPoll } from "./use-health-poll";

const agentTones: Record<string, Tone> = {
  running: "ok",
  starting: "warn",
  paused: "warn",
  error: "bad",
};

// A fixed format, so the server's first render and the browser's agree.
function clock(iso?: string | null) {
  return iso ? `${iso.slice(11, 19)} UTC` : "never";
}

export function LiveHealth({ initial }: { initial: HealthSnapshot }) {
  const { current, history } = useHealthPoll(initial);
  const { live, ready, agent } = current;
  const isReady = ready?.status === "ready";
  const updated = clock(current.checkedAt);
  const age = activityAge(agent?.last_activity, current.checkedAt);
  const stale = age.stale && agent?.status === "running";
  const lastActivity = age.text
    ? `${clock(agent?.last_activity)}, ${age.text}${stale ? ": no word since, stale" : ""}`
    : "never";

  return (
    <div className="space-y-6">
      {current.error && <Alert tone="error">{current.error}</Alert>}
      <div className="grid gap-4 sm:grid-cols-3">
        <StatusTile
          label="Liveness"
          tone={live.ok ? "ok" : "bad"}
          value={live.ok ? "Alive" : "Unreachable"}
          detail={live.error ?? `Answered at ${clock(live.timestamp)}`}
        />
        <StatusTile
          label="Readiness"
          tone={!ready ? "neutral" : isReady ? "ok" : "bad"}
          value={!ready ? "Unknown" : isReady ? "Ready" : "Not ready"}
          detail={ready && `Checked at ${clock(ready.timestamp)}`}
        />
        <StatusTile
          label="Agent"
          tone={stale ? "warn" : (agentTones[agent?.status ?? ""] ?? "neutral")}
          value={stale ? "running (stale)" : (agent?.status.replace("_", " ") ?? "unknown")}
          detail={`Last activity: ${lastActivity}`}
        />
      </div>
      <Card
        title="Readiness checks"
        description={`Refreshed every ${POLL_MS / 1000} seconds; last update ${updated}.`}
      >
        <div aria-live="polite" className="sr-only">
          {ready ? (isReady ? "Ready" : "Not ready") : ""}
        </div>
        <CheckList checks={ready?.checks} />
      </Card>
      <Card
        title="Check latency"
        description="Each check's latency over the recent readiness answers."
      >
        <LatencyChart samples={history} />
      </Card>
    </div>
  );
}
