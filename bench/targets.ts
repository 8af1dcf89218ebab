import type { EndpointId } from "./endpoints";
import { ENDPOINTS } from "./endpoints";
import type { LimiterReport } from "./limiter";
import { medianSample, type Sample } from "./load";
import type { SystemName, Table } from "./rounds";

export type Medians = Partial<Record<SystemName, Partial<Record<EndpointId, Sample>>>>;

// MiB; `afterGc` is agent-console's RSS once a full collection has run after
// the run, which tells garbage not yet collected apart from memory kept.
export type Rss = { start: number; end: number; peak: number; afterGc?: number };

export type Check = {
  target: string;
  measured: string;
  status: "met" | "missed" | "not measured";
};

export function medians(table: Table): Medians {
  const result: Medians = {};
  for (const [system, row] of Object.entries(table)) {
    const out: Partial<Record<EndpointId, Sample>> = {};
    for (const [endpoint, samples] of Object.entries(row)) {
      out[endpoint as EndpointId] = medianSample(samples);
    }
    result[system as SystemName] = out;
  }

  return result;
}

export function ratio(ours: number, theirs: number) {
  return theirs > 0 ? Math.round((ours / theirs) * 100) / 100 : Number.NaN;
}

const status = (ok: boolean): Check["status"] => (ok ? "met" : "missed");

function againstPeer(table: Medians): Check[] {
  return ENDPOINTS.map(({ id, label }) => {
    const target = `${label}: >= 1.0x FastAPI req/s, p99 no worse`;
    const ours = table["agent-console"]?.[id];
    const theirs = table.fastapi?.[id];
    if (!ours || !theirs) {
      return { target, measured: "FastAPI service not measured", status: "not measured" };
    }

    const r = ratio(ours.rps, theirs.rps);

    return {
      target,
      measured: `${r}x req/s, p99 ${ours.p99} vs ${theirs.p99} ms`,
      status: status(r >= 1 && ours.p99 <= theirs.p99),
    };
  });
}

function againstFloor(table: Medians, id: EndpointId, floorRoute: string, goal: number): Check {
  const target = `${id === "liveness" ? "liveness" : "settings GET"} >= ${goal}x ${floorRoute}`;
  const ours = table["agent-console"]?.[id];
  const floor = table.floor?.[id];
  if (!ours || !floor) {
    return { target, measured: "floor not measured", status: "not measured" };
  }

  const r = ratio(ours.rps, floor.rps);

  const measured = `${r}x (${ours.rps} vs ${floor.rps} req/s)`;

  return { target, measured, status: status(r >= goal) };
}

// Flat: once the window has passed, the live heap is back within 10% (at
// least 5 MB) of where it was before the clients came.
export function limiterFlat(limiter: LimiterReport) {
  if (!limiter.afterWindow) {
    return undefined;
  }

  const allowance = Math.max(5, limiter.before.heapUsed * 0.1);

  return limiter.afterWindow.heapUsed <= limiter.before.heapUsed + allowance;
}

export function checks(table: Medians, storm: Medians, rss: Rss, limiter?: LimiterReport): Check[] {
  const stormP99 = storm["agent-console"]?.liveness?.p99;
  const flat = limiter ? limiterFlat(limiter) : undefined;

  return [
    ...againstPeer(table),
    againstFloor(table, "liveness", "the bare route handler", 0.9),
    againstFloor(table, "settings_get", "the one-query route handler", 0.7),
    {
      target: "liveness p99 <= 50 ms during the login storm",
      measured: stormP99 === undefined ? "not measured" : `${stormP99} ms`,
      status: stormP99 === undefined ? "not measured" : status(stormP99 <= 50),
    },
    {
      target: "RSS < 250 MB after the run",
      measured: `${rss.end} MB (at start ${rss.start}, after a full GC ${rss.afterGc ?? "?"})`,
      status: status(rss.end < 250),
    },
    {
      target: "limiter memory flat after its window",
      measured: limiter?.afterWindow
        ? `heap ${limiter.before.heapUsed} -> ${limiter.after.heapUsed} -> ` +
          `${limiter.afterWindow.heapUsed} MB (${limiter.clients} clients)`
        : "not measured",
      status: flat === undefined ? "not measured" : status(flat),
    },
  ];
}
