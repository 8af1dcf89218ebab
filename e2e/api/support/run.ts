import { spawn } from "node:child_process";
import { join } from "node:path";
import { freePort } from "../../support/ports";
import { TEST_SECRET } from "../../support/server";

export type Finished = { code: number | null; stdout: string; stderr: string; output: string };

// The environment `startServer` gives the product, for a command run on its own.
export function commandEnv(dir: string, extra: Record<string, string | undefined> = {}) {
  return {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    ENV_FILE: join(dir, "absent.env"),
    SECRET_KEY: TEST_SECRET,
    DATABASE_URL: `file:${join(dir, "agent-console.db")}`,
    ...extra,
  };
}

// Runs a command to its end, with `input` on a piped stdin, and collects what
// it printed. A command that hangs fails the test instead of blocking it.
export function run(
  command: string,
  args: string[],
  options: { env: Record<string, string | undefined>; input?: string; timeoutMs?: number },
): Promise<Finished> {
  const child = spawn(command, args, {
    env: options.env as NodeJS.ProcessEnv,
    stdio: ["pipe", "pipe", "pipe"],
  });
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (chunk) => (stdout += chunk));
  child.stderr.on("data", (chunk) => (stderr += chunk));
  child.stdin.end(options.input ?? "");

  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      reject(new Error(`${command} ${args.join(" ")} did not finish:\n${stdout}${stderr}`));
    }, options.timeoutMs ?? 30_000);
    child.once("exit", (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr, output: stdout + stderr });
    });
  });
}

export function npmRun(
  script: string,
  args: string[],
  options: { env: Record<string, string | undefined>; input?: string },
) {
  return run("npm", ["run", "--silent", script, "--", ...args], options);
}

// `npm start` on a free port, for start-ups expected to fail: one that
// wrongly succeeds is killed by the timeout instead of holding port 8000.
export async function startScript(env: Record<string, string | undefined>) {
  const port = String(await freePort());

  return run(join("node_modules", ".bin", "tsx"), ["scripts/start.ts"], {
    env: { HOST: "127.0.0.1", PORT: port, ...env },
    timeoutMs: 20_000,
  });
}
