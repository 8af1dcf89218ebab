import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { freePort } from "./ports";

export const TEST_SECRET = "test-secret-key-that-is-long-enough-0123456789";

export type RunningServer = {
  url: string;
  port: number;
  dir: string;
  databaseUrl: string;
  process: ChildProcess;
  logs: string[];
  exited: Promise<number | null>;
  logLines(): Record<string, unknown>[];
  stop(signal?: NodeJS.Signals): Promise<number | null>;
};

export type ServerOptions = {
  env?: Record<string, string>;
  // Reuse an existing database directory (for restarts and multi-instance tests).
  dir?: string;
};

// Starts the real product (`node --import tsx scripts/start.ts`, as `npm start` does) on a
// free port, with its own SQLite file in a temporary directory and no env file.
export async function startServer(options: ServerOptions = {}): Promise<RunningServer> {
  const dir = options.dir ?? mkdtempSync(join(tmpdir(), "agent-console-test-"));
  const port = await freePort();
  const databaseUrl = `file:${join(dir, "agent-console.db")}`;
  const env = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    ENV_FILE: join(dir, "absent.env"),
    SECRET_KEY: TEST_SECRET,
    DATABASE_URL: databaseUrl,
    HOST: "127.0.0.1",
    PORT: String(port),
    SHUTDOWN_DELAY_MS: "0",
    ...options.env,
  } as unknown as NodeJS.ProcessEnv;
  // Node itself, not the tsx launcher: the launcher turns a SIGTERM into a
  // SIGKILL when its child is slow to acknowledge it, and cannot pass one on.
  const child = spawn(process.execPath, ["--import", "tsx", "scripts/start.ts"], {
    env,
    stdio: ["ignore", "pipe", "pipe"],
  });

  const logs: string[] = [];
  let buffered = "";
  const collect = (chunk: Buffer) => {
    buffered += chunk.toString();
    const lines = buffered.split("\n");
    buffered = lines.pop() ?? "";
    logs.push(...lines);
  };
  child.stdout?.on("data", collect);
  child.stderr?.on("data", collect);
  const exited = new Promise<number | null>((resolve) => {
    child.once("exit", (code: number | null) => resolve(code));
  });

  const url = `http://127.0.0.1:${port}`;
  await waitUntilListening(url, exited, logs);

  return {
    url,
    port,
    dir,
    databaseUrl,
    process: child,
    logs,
    exited,
    logLines: () => logs.filter((line) => line.startsWith("{")).map((line) => JSON.parse(line)),
    stop: async (signal = "SIGTERM") => {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill(signal);
      }

      return exited;
    },
  };
}

async function waitUntilListening(url: string, exited: Promise<number | null>, logs: string[]) {
  let done = false;
  exited.then(() => {
    done = true;
  });
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline && !done) {
    try {
      const response = await fetch(`${url}/health`);
      if (response.ok) {
        return;
      }
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }

  throw new Error(`server did not start:\n${logs.join("\n")}`);
}

export function removeDir(dir: string) {
  rmSync(dir, { recursive: true, force: true });
}

export async function tokenFor(url: string, username = "admin", password = "changeme123") {
  const response = await fetch(`${url}/api/v1/auth/token`, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ username, password }),
  });
  if (!response.ok) {
    throw new Error(`login failed: ${response.status} ${await response.text()}`);
  }

  const body = (await response.json()) as { access_token: string };

  return body.access_token;
}
