import { inspectorEnv, openInspector, readMemory, type Memory } from "./inspector";
import { fire } from "./load";
import type { Options } from "./options";
import type { Service } from "./processes";
import { startProduct } from "./systems";

export type LimiterReport = {
  clients: number;
  windowSeconds: number;
  seconds: number;
  statusCodes: Record<string, number>;
  before: Memory;
  after: Memory;
  afterWindow?: Memory;
  afterWindowDelaySeconds?: number;
};

type Context = Parameters<typeof startProduct>[0];

type Instance = { service: Service; port: number; root: string };

const ROUTE = { method: "GET", path: "/api/v1/auth/me" } as const;

function address(i: number) {
  return `10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}`;
}

// A separate instance, so that the measured one never sees these clients: it
// believes X-Forwarded-For from 127.0.0.1 and has a window that outlasts the
// clients, so that every key is alive when memory is read after them.
export async function startLimiterInstance(context: Context, options: Options): Promise<Instance> {
  const inspector = await inspectorEnv();
  const service = await startProduct(context, "limiter", {
    TRUSTED_PROXIES: "127.0.0.1",
    RATE_LIMIT_WINDOW_SECONDS: String(options.limiterWindowSeconds),
    ...inspector.env,
  });

  return { service, port: inspector.port, root: context.root };
}

// `clients` distinct addresses, one request each to a rate-limited route that
// answers 401, as unauthenticated callers get; memory before and after.
export async function measureLimiter(instance: Instance, options: Options) {
  const { service, port, root } = instance;
  // Load the route first from one address, so that the baseline includes it.
  await fire({ url: service.url, target: ROUTE, connections: 8, amount: 500 });
  await openInspector(service, port);
  const before = await readMemory(root, port);

  let next = 1;
  const started = performance.now();
  const result = await fire({
    url: service.url,
    target: ROUTE,
    connections: options.connections,
    amount: options.limiterClients,
    setupRequest: (request) => ({
      ...request,
      headers: { ...request.headers, "x-forwarded-for": address(next++) },
    }),
  });
  const seconds = Math.round((performance.now() - started) / 100) / 10;
  const finished = Date.now();
  const after = await readMemory(root, port);
  const statusCodes = Object.fromEntries(
    Object.entries(result.statusCodeStats).map(([code, stats]) => [code, stats.count]),
  );
  const report: LimiterReport = {
    clients: options.limiterClients,
    windowSeconds: options.limiterWindowSeconds,
    seconds,
    statusCodes,
    before,
    after,
  };

  return { report, finished };
}

// Waits until the window has passed for the last client, then reads again.
export async function readLimiterAfterWindow(
  instance: Instance,
  measured: { report: LimiterReport; finished: number },
  progress: (line: string) => void,
): Promise<LimiterReport> {
  const due = measured.finished + (measured.report.windowSeconds + 2) * 1000;
  if (due > Date.now()) {
    progress(`waiting ${Math.ceil((due - Date.now()) / 1000)} s for the limiter window to pass`);
    await new Promise((resolve) => setTimeout(resolve, due - Date.now()));
  }
  const afterWindow = await readMemory(instance.root, instance.port);
  const afterWindowDelaySeconds = Math.round((Date.now() - measured.finished) / 1000);

  return { ...measured.report, afterWindow, afterWindowDelaySeconds };
}
