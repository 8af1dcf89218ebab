import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, statSync } from "node:fs";
import { join, resolve } from "node:path";
import { createClient } from "@libsql/client";
import { freePort } from "../e2e/support/ports";
import { STUB_PROVIDER_KEY, type StubProvider } from "../e2e/support/stub-provider";
import { launch, type Service } from "./processes";

export const BENCH_SECRET = "bench-secret-key-that-is-long-enough-0123456789";

// Limits high enough that no benchmark client is ever refused, with the
// limiter still counting every request (0 would switch it off).
export const RAISED_LIMIT = "1000000000";

export const PEER_SCRIPT = "../shared/peers/fastapi-week2/run.sh";

const FLOOR_DIR = "bench/floor";

type Context = { root: string; work: string; provider: StubProvider };

function baseEnv(port: number): Record<string, string | undefined> {
  return { PATH: process.env.PATH, HOME: process.env.HOME, PORT: String(port) };
}

// The product as `npm start` runs it, on its own fresh database and with no
// env file, so that nothing of the developer's is read or written.
export async function startProduct(
  context: Context,
  name: string,
  extraEnv: Record<string, string> = {},
  nodeFlags: string[] = [],
): Promise<Service> {
  const port = await freePort();
  const dir = join(context.work, name);
  mkdirSync(dir, { recursive: true });

  return launch({
    name,
    cwd: context.root,
    command: join(context.root, "node_modules/.bin/tsx"),
    args: [...nodeFlags, "scripts/start.ts"],
    env: {
      ...baseEnv(port),
      ENV_FILE: join(dir, "absent.env"),
      SECRET_KEY: BENCH_SECRET,
      DATABASE_URL: `file:${join(dir, "agent-console.db")}`,
      HOST: "127.0.0.1",
      SHUTDOWN_DELAY_MS: "0",
      OPENROUTER_BASE_URL: context.provider.url,
      OPENROUTER_API_KEY: STUB_PROVIDER_KEY,
      RATE_LIMIT_AUTH: RAISED_LIMIT,
      RATE_LIMIT_DEFAULT: RAISED_LIMIT,
      ...extraEnv,
    },
    logFile: join(context.work, `${name}.log`),
    url: `http://127.0.0.1:${port}`,
    probePath: "/health",
    timeoutMs: 120_000,
    serverDepth: 1,
  });
}

// The runbook's own stack. run.sh installs its Debian packages on first use,
// hence the long start-up allowance; its limits are switched off (0), which
// its header documents for load tests.
export async function startPeer(context: Context): Promise<Service> {
  const script = resolve(context.root, PEER_SCRIPT);
  if (!existsSync(script)) {
    throw new Error(`not found at ${script}`);
  }

  const port = await freePort();

  return launch({
    name: "fastapi",
    cwd: context.work,
    command: "bash",
    args: [script],
    env: {
      ...baseEnv(port),
      TMPDIR: context.work,
      SECRET_KEY: BENCH_SECRET,
      OPENROUTER_BASE_URL: context.provider.url,
      OPENROUTER_API_KEY: STUB_PROVIDER_KEY,
      RATE_LIMIT_AUTH: "0",
      RATE_LIMIT_DEFAULT: "0",
    },
    logFile: join(context.work, "fastapi.log"),
    url: `http://127.0.0.1:${port}`,
    probePath: "/health",
    timeoutMs: 600_000,
    serverDepth: 1,
  });
}

function newest(paths: string[]): number {
  return Math.max(...paths.map((path) => (existsSync(path) ? statSync(path).mtimeMs : 0)));
}

// Builds the floor fixture unless its build is newer than its four sources.
export function buildFloor(root: string) {
  const dir = join(root, FLOOR_DIR);
  const sources = ["app/static/route.ts", "app/query/route.ts", "next.config.ts", "tsconfig.json"];
  const built = join(dir, ".next/BUILD_ID");
  if (existsSync(built) && statSync(built).mtimeMs > newest(sources.map((s) => join(dir, s)))) {
    return;
  }

  const result = spawnSync(join(root, "node_modules/.bin/next"), ["build", FLOOR_DIR], {
    cwd: root,
    stdio: ["ignore", "ignore", "inherit"],
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" },
  });
  if (result.status !== 0) {
    throw new Error("next build bench/floor failed");
  }
}

// The floor's database holds the same rows as the persona the other systems read.
export async function seedFloorDatabase(file: string, personaId: string, config: object) {
  const client = createClient({ url: `file:${file}` });
  await client.execute(
    "CREATE TABLE persona_settings (persona_id TEXT NOT NULL, key TEXT NOT NULL, " +
      "value TEXT NOT NULL, PRIMARY KEY (persona_id, key))",
  );
  for (const [key, value] of Object.entries(config)) {
    await client.execute({
      sql: "INSERT INTO persona_settings (persona_id, key, value) VALUES (?, ?, ?)",
      args: [personaId, key, JSON.stringify(value)],
    });
  }
  client.close();
}

// The framework's floor: plain route handlers under `next start`.
export async function startFloor(context: Context, databaseFile: string): Promise<Service> {
  const port = await freePort();

  return launch({
    name: "floor",
    cwd: context.root,
    command: join(context.root, "node_modules/.bin/next"),
    args: ["start", FLOOR_DIR, "--hostname", "127.0.0.1", "--port", String(port)],
    env: {
      ...baseEnv(port),
      NODE_ENV: "production",
      NEXT_TELEMETRY_DISABLED: "1",
      FLOOR_DATABASE_URL: `file:${databaseFile}`,
    },
    logFile: join(context.work, "floor.log"),
    url: `http://127.0.0.1:${port}`,
    probePath: "/static",
    timeoutMs: 60_000,
    serverDepth: 0,
  });
}
