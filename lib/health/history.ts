import type { Readiness } from "./readiness";

// The last readiness answers of this process, whoever asked (a load
// balancer's probe or the console), so the overview's chart has a past as
// soon as it opens. Process-wide: the front server and the Next bundle both
// run readiness.
const LIMIT = 30;
const slot = Symbol.for("agent-console.readiness-history");
const registry = globalThis as unknown as Record<symbol, Readiness[] | undefined>;

export function recordReadiness(result: Readiness) {
  const history = (registry[slot] ??= []);
  history.push(result);
  if (history.length > LIMIT) {
    history.splice(0, history.length - LIMIT);
  }
}

export function readinessHistory(): Readiness[] {
  return [...(registry[slot] ?? [])];
}
