"use client";

import { useEffect, useState } from "react";
import { sampleOf, type HealthSnapshot, type Sample } from "./types";

export const POLL_MS = 5000;
const HISTORY = 30;

async function getJson(path: string) {
  const response = await fetch(path, { cache: "no-store", signal: AbortSignal.timeout(4000) });

  // Readiness answers 503 with the same JSON body when a check fails.
  return { ok: response.ok, body: await response.json() };
}

async function snapshot(): Promise<HealthSnapshot> {
  const checkedAt = new Date().toISOString();
  const [live, ready, agent] = await Promise.allSettled([
    getJson("/api/v1/health"),
    getJson("/api/v1/health/ready"),
    getJson("/api/v1/health/agent"),
  ]);
  if (live.status === "rejected") {
    return {
      live: { ok: false, error: "The server did not answer" },
      ready: null,
      agent: null,
      checkedAt,
      // The page keeps the last readiness it saw and says it is stale.
      error: "The server did not answer; showing the last known state.",
    };
  }

  return {
    live: { ok: live.value.ok, timestamp: live.value.body.timestamp },
    ready: ready.status === "fulfilled" ? ready.value.body : null,
    agent: agent.status === "fulfilled" ? agent.value.body : null,
    checkedAt,
  };
}

// Asks the probes again every few seconds while the tab is visible, one round
// at a time, and keeps the recent readiness latencies for the chart.
export function useHealthPoll(initial: HealthSnapshot) {
  const [current, setCurrent] = useState(initial);
  const [history, setHistory] = useState<Sample[]>(() => {
    return (initial.history ?? []).map((ready) => sampleOf(ready)).slice(-HISTORY);
  });

  useEffect(() => {
    let timer: ReturnType<typeof setTimeout>;
    let stopped = false;

    async function tick() {
      if (!document.hidden) {
        const next = await snapshot();
        if (stopped) {
          return;
        }

        setCurrent((previous) => {
          return next.error ? { ...previous, live: next.live, error: next.error } : next;
        });
        if (next.ready) {
          const sample = sampleOf(next.ready);
          setHistory((samples) => [...samples, sample].slice(-HISTORY));
        }
      }
      timer = setTimeout(tick, POLL_MS);
    }

    timer = setTimeout(tick, POLL_MS);

    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, []);

  return { current, history };
}
