// Past this, a "running" agent that has said nothing is probably not running.
export const STALE_AFTER_MS = 5 * 60_000;

const units: [number, string][] = [
  [86_400_000, "d"],
  [3_600_000, "h"],
  [60_000, "min"],
  [1000, "s"],
];

// How long before `now` the agent last reported, e.g. "3 min ago". Both come
// from the same snapshot, so the server's render and the browser's agree.
export function activityAge(last: string | null | undefined, now: string) {
  if (!last) {
    return { text: "", stale: false };
  }

  const ms = Math.max(0, Date.parse(now) - Date.parse(last));
  const [size, unit] = units.find(([size]) => ms >= size) ?? [1000, "s"];

  return { text: `${Math.floor(ms / size)} ${unit} ago`, stale: ms > STALE_AFTER_MS };
}
