// Process-wide shutdown state, written by the front server on SIGTERM and read
// by readiness wherever it runs.
const slot = Symbol.for("agent-console.lifecycle");
const registry = globalThis as unknown as Record<symbol, { draining: boolean } | undefined>;

function state() {
  registry[slot] ??= { draining: false };

  return registry[slot];
}

export function isDraining() {
  return state().draining;
}

export function startDraining() {
  state().draining = true;
}
