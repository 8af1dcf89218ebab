import { join } from "node:path";

export type Options = {
  quick: boolean;
  rounds: number;
  seconds: number;
  tokenSeconds: number;
  warmupSeconds: number;
  connections: number;
  tokenConnections: number;
  stormConnections: number;
  limiterClients: number;
  limiterWindowSeconds: number;
  peer: boolean;
  outDir: string;
};

const usage = `npm run bench [-- --quick] [-- --out DIR] [-- --no-peer]
  --quick    a few seconds per system, without the FastAPI service; results go to
             bench/.work/results unless --out says otherwise
  --out DIR  where to write <date>.md, <date>.json and latest.md (default bench/results)
  --no-peer  leave out the FastAPI service`;

export function parseOptions(argv: string[], root: string): Options {
  const unknown = argv.filter((arg, i) => {
    return !["--quick", "--no-peer", "--out"].includes(arg) && argv[i - 1] !== "--out";
  });
  if (unknown.length > 0) {
    throw new Error(`unknown argument ${unknown[0]}\n${usage}`);
  }

  const quick = argv.includes("--quick");
  const out = argv.indexOf("--out");
  const fallback = quick ? "bench/.work/results" : "bench/results";
  const outDir = out >= 0 ? argv[out + 1] : join(root, fallback);

  // The same concurrency, payloads and durations for every system. The token
  // endpoint is bcrypt-bound (a few logins a second), so it gets a few
  // connections and a longer measurement, enough to complete some logins.
  return {
    quick,
    rounds: 3,
    seconds: quick ? 1 : 5,
    tokenSeconds: quick ? 3 : 10,
    // Node's JIT keeps getting faster for thousands of requests; the same
    // warm-up for every system and endpoint.
    warmupSeconds: quick ? 0.5 : 4,
    connections: 32,
    tokenConnections: 4,
    stormConnections: 8,
    limiterClients: quick ? 3000 : 100_000,
    // Longer than sending all the clients takes, so that every key is alive
    // when the memory is read, and short enough to pass within the run.
    limiterWindowSeconds: quick ? 10 : 240,
    peer: !quick && !argv.includes("--no-peer"),
    outDir,
  };
}
