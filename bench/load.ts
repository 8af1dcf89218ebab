import autocannon, { type Instance, type Request, type Result } from "autocannon";
import type { Target } from "./endpoints";

export type Sample = {
  rps: number;
  p50: number;
  p99: number;
  // Non-2xx answers plus socket errors and timeouts.
  errors: number;
  requests: number;
};

type Load = {
  url: string;
  target: Target;
  connections: number;
  seconds?: number;
  amount?: number;
  setupRequest?: Request["setupRequest"];
};

// One autocannon run against 127.0.0.1, bounded by time (or by a request count).
export function fire(load: Load): Instance {
  if (!load.url.startsWith("http://127.0.0.1:")) {
    throw new Error(`refusing to load anything but loopback: ${load.url}`);
  }

  const request: Request = { method: load.target.method, path: load.target.path };
  if (load.target.headers) {
    request.headers = load.target.headers;
  }
  if (load.target.body) {
    request.body = load.target.body;
  }
  if (load.setupRequest) {
    request.setupRequest = load.setupRequest;
  }
  const bound = load.amount ? { amount: load.amount } : { duration: load.seconds ?? 1 };

  return autocannon({
    url: load.url,
    connections: load.connections,
    timeout: 10,
    requests: [request],
    ...bound,
  });
}

export function toSample(result: Result): Sample {
  const ok = result["2xx"];

  return {
    rps: Math.round((ok / result.duration) * 10) / 10,
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.non2xx + result.errors,
    requests: result.requests.total,
  };
}

export async function measure(load: Load): Promise<Sample> {
  return toSample(await fire(load));
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);

  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

// Each figure is the median of its own column across rounds.
export function medianSample(samples: Sample[]): Sample {
  const of = (key: keyof Sample) => median(samples.map((sample) => sample[key]));

  return {
    rps: of("rps"),
    p50: of("p50"),
    p99: of("p99"),
    errors: of("errors"),
    requests: of("requests"),
  };
}
