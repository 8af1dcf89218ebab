// The runbook prints timestamps to the second: 2025-11-24T12:00:00Z.
export function isoSeconds(date = new Date()): string {
  return date.toISOString().slice(0, 19) + "Z";
}
