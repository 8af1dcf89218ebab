import { processWide } from "@/lib/process-wide";

// Process-wide shutdown state, written by the front server on SIGTERM and read
// by readiness wherever it runs.
const lifecycle = processWide<{ draining: boolean }>("lifecycle");

function state() {
  return lifecycle.get(() => ({ draining: false }));
}

export function isDraining() {
  return state().draining;
}

export function startDraining() {
  state().draining = true;
}
