import { execFile } from "node:child_process";
import { join } from "node:path";
import { promisify } from "node:util";
import { freePort } from "../e2e/support/ports";
import type { Service } from "./processes";

export type Memory = { rss: number; heapUsed: number; external: number };

const run = promisify(execFile);
const mib = (bytes: number) => Math.round((bytes / 1048576) * 10) / 10;

// The product needs no memory endpoint: the inspector port is set for the
// instance at start, and the inspector only listens once the process gets
// SIGUSR1, which `openInspector` sends.
export async function inspectorEnv() {
  const port = await freePort();

  return { port, env: { NODE_OPTIONS: `--inspect-port=127.0.0.1:${port}` } };
}

export async function openInspector(service: Service, port: number) {
  process.kill(service.serverPid(), "SIGUSR1");
  const deadline = Date.now() + 10_000;
  while (Date.now() < deadline) {
    try {
      await fetch(`http://127.0.0.1:${port}/json/list`);

      return;
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }

  throw new Error("the inspector did not open");
}

// Live heap after a full GC, and RSS, of the inspected process, in MiB.
export async function readMemory(root: string, port: number): Promise<Memory> {
  // Node 20 has WebSocket only behind a flag; newer releases have it built in.
  const flag = typeof WebSocket === "undefined" ? ["--experimental-websocket"] : [];
  const probe = join(root, "bench/heap-probe.mjs");
  const { stdout } = await run(process.execPath, [...flag, probe, String(port)], {
    timeout: 60_000,
  });
  const usage = JSON.parse(stdout) as { rss: number; heapUsed: number; external: number };

  return { rss: mib(usage.rss), heapUsed: mib(usage.heapUsed), external: mib(usage.external) };
}
