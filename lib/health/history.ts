import type { Readiness } from "./readiness";
import { processWide } from "@/lib/process-wide";

// The last readiness answers of this process, whoever asked (a load
// balancer's probe or the console), so the overview's chart has a past as
// soon as it opens. Process-wide: the front server and the Next bundle both
// run readiness.
const LIMIT = 30;
const answers = processWide<Readiness[]>("readiness-history");

export function recordReadiness(result: Readiness) {
  const history = answers.get(() => []);
  history.push(result);
  if (history.length > LIMIT) {
    history.splice(0, history.length - LIMIT);
  }
}

export function readinessHistory(): Readiness[] {
  return [...(answers.peek() ?? [])];
}
