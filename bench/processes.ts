import { spawn, type ChildProcess } from "node:child_process";
import { closeSync, openSync, readdirSync, readFileSync } from "node:fs";

export type Service = {
  name: string;
  url: string;
  child: ChildProcess;
  logFile: string;
  // The process that serves requests: for `tsx` and `run.sh` a child of the spawned one.
  serverPid(): number;
  stop(): Promise<void>;
};

type Launch = {
  name: string;
  cwd: string;
  command: string;
  args: string[];
  env: Record<string, string | undefined>;
  logFile: string;
  url: string;
  probePath: string;
  timeoutMs: number;
  // How many generations below the spawned process the server runs.
  serverDepth: number;
};

// Output goes straight to a file: a pipe read by the benchmark would cost the
// benchmark's own CPU for every request line the servers log.
export async function launch(options: Launch): Promise<Service> {
  const out = openSync(options.logFile, "a");
  const child = spawn(options.command, options.args, {
    cwd: options.cwd,
    env: options.env as NodeJS.ProcessEnv,
    stdio: ["ignore", out, out],
  });
  closeSync(out);
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const service: Service = {
    name: options.name,
    url: options.url,
    child,
    logFile: options.logFile,
    serverPid: () => descendant(child.pid ?? 0, options.serverDepth),
    stop: async () => {
      if (child.exitCode !== null || child.signalCode !== null) {
        return;
      }

      let server = 0;
      try {
        server = service.serverPid();
      } catch {
        // the server is gone already; only its launcher is left
      }
      child.kill("SIGTERM");
      const timer = setTimeout(() => {
        // A server that does not drain in time goes with its launcher.
        child.kill("SIGKILL");
        if (server) {
          killQuietly(server);
        }
      }, 15_000);
      await exited;
      clearTimeout(timer);
    },
  };

  try {
    await waitForHttp(options.url + options.probePath, options.timeoutMs, exited);
  } catch (error) {
    await service.stop();
    const reason = (error as Error).message;
    throw new Error(`${options.name} did not start: ${reason}\n${tail(options.logFile)}`);
  }

  return service;
}

function killQuietly(pid: number) {
  try {
    process.kill(pid, "SIGKILL");
  } catch {
    // already gone
  }
}

async function waitForHttp(url: string, timeoutMs: number, exited: Promise<void>) {
  let gone = false;
  void exited.then(() => {
    gone = true;
  });
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (gone) {
      throw new Error("the process exited");
    }
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(2000) });
      await response.body?.cancel();
      if (response.status < 500) {
        return;
      }
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }

  throw new Error(`no answer from ${url} within ${timeoutMs} ms`);
}

export function tail(file: string, lines = 20): string {
  try {
    return readFileSync(file, "utf8").trimEnd().split("\n").slice(-lines).join("\n");
  } catch {
    return "";
  }
}

function childrenOf(pid: number): number[] {
  const found: number[] = [];
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) {
      continue;
    }
    try {
      // The parent pid is the second field after the parenthesised command name.
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      const parent = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      if (parent === pid) {
        found.push(Number(entry));
      }
    } catch {
      // the process ended while we looked
    }
  }

  return found;
}

// tsx runs the script in a child node process, run.sh runs uvicorn in a
// child python process: the server is that child, not the spawned process.
function descendant(pid: number, depth: number): number {
  let current = pid;
  for (let level = 0; level < depth; level++) {
    const children = childrenOf(current);
    if (children.length !== 1) {
      throw new Error(`expected one child of process ${current}, found ${children.length}`);
    }
    current = children[0];
  }

  return current;
}

// Resident set size in MiB, from the kernel's own accounting.
export function rssMiB(pid: number, field: "VmRSS" | "VmHWM" = "VmRSS"): number {
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  const match = status.match(new RegExp(`^${field}:\\s+(\\d+) kB`, "m"));

  return match ? Math.round((Number(match[1]) / 1024) * 10) / 10 : Number.NaN;
}
