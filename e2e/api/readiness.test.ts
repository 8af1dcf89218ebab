import { spawn, type ChildProcess } from "node:child_process";
import { createClient } from "@libsql/client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { adminApi, defaultPersonaId, readConfig, writeSetting } from "../support/admin-api";
import type { Api } from "../support/admin-api";
import { removeDir, startServer, type RunningServer } from "../support/server";
import { STUB_PROVIDER_KEY, startStubProvider, type StubProvider } from "../support/stub-provider";

let server: RunningServer;
let provider: StubProvider;
let api: Api;
let personaId: string;

beforeAll(async () => {
  provider = await startStubProvider();
  server = await startServer({
    env: { OPENROUTER_BASE_URL: provider.url, OPENROUTER_API_KEY: STUB_PROVIDER_KEY },
  });
  api = await adminApi(server.url);
  personaId = await defaultPersonaId(api);
});

afterAll(async () => {
  await server?.stop();
  await provider?.close();
  removeDir(server.dir);
});

async function timedReadiness() {
  const started = performance.now();
  const response = await fetch(`${server.url}/health/ready`);
  const body = await response.json();

  return { status: response.status, body, ms: performance.now() - started };
}

// Another process (an operator's shell, a migration tool) opens a write
// transaction on the server's file and keeps it: BEGIN EXCLUSIVE, then nothing.
async function holdWriteLock(databaseUrl: string): Promise<ChildProcess> {
  const script = `
    import { createClient } from "@libsql/client";
    const client = createClient({ url: process.env.DATABASE_URL, timeout: 2000 });
    const tx = await client.transaction("write");
    await tx.execute("UPDATE agent_status SET status = status");
    process.stdout.write("locked\\n");
    setInterval(() => {}, 1000);
  `;
  const child = spawn(process.execPath, ["--input-type=module", "-e", script], {
    env: { PATH: process.env.PATH, DATABASE_URL: databaseUrl } as unknown as NodeJS.ProcessEnv,
    stdio: ["ignore", "pipe", "inherit"],
  });
  await new Promise<void>((resolve, reject) => {
    child.stdout?.once("data", () => resolve());
    child.once("exit", (code: number | null) => {
      reject(new Error(`lock holder exited with ${code}`));
    });
  });

  return child;
}

async function eventuallyReady() {
  const deadline = Date.now() + 10_000;
  for (;;) {
    const result = await timedReadiness();
    if (result.status === 200 || Date.now() > deadline) {
      return result;
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe("readiness within its budget", () => {
  it("answers 503 within 3 s naming the provider when the provider never answers", async () => {
    provider.setMode("hang");
    const { status, body, ms } = await timedReadiness();

    expect(status).toBe(503);
    expect(ms).toBeLessThan(3000);
    expect(body.checks.openrouter).toEqual({ healthy: false, error: "No answer within 2000 ms" });
    expect(body.checks.db).toMatchObject({ healthy: true });
  });

  it("is ready again once the provider answers", async () => {
    provider.setMode("up");
    const { status, body } = await eventuallyReady();

    expect(status).toBe(200);
    expect(body.checks.openrouter).toMatchObject({ healthy: true });
  });

  it("keeps answering probes at once while a write waits for another process's lock", async () => {
    const holder = await holdWriteLock(server.databaseUrl);
    try {
      const write = writeSetting(api, personaId, "persona_tone", "after the lock");
      await new Promise((resolve) => setTimeout(resolve, 200));
      const started = performance.now();
      const live = await fetch(`${server.url}/health`);
      const liveMs = performance.now() - started;
      const ready = await timedReadiness();

      expect(live.status).toBe(200);
      expect(liveMs).toBeLessThan(2000);
      expect(ready.status).toBe(200);
      expect(ready.ms).toBeLessThan(3000);
      holder.kill("SIGKILL");
      expect((await write).status).toBe(200);
    } finally {
      holder.kill("SIGKILL");
    }
  });

  it("refuses a write with 503 once the lock has been held for 5 s, never a 500", async () => {
    const holder = await holdWriteLock(server.databaseUrl);
    try {
      const started = performance.now();
      const write = await writeSetting(api, personaId, "persona_tone", "never written");

      expect(write.status).toBe(503);
      expect(write.body).toEqual({ detail: "The database is busy; retry shortly" });
      expect(performance.now() - started).toBeGreaterThan(4900);
    } finally {
      holder.kill("SIGKILL");
    }
  });

  it("writes again once the lock is released", async () => {
    const write = await writeSetting(api, personaId, "persona_tone", "after release");

    expect(write.status).toBe(200);
    expect((await readConfig(api, personaId)).persona_tone).toBe("after release");
    // Committed, not left in a transaction on the connection that was refused.
    const other = createClient({ url: server.databaseUrl });
    const row = await other.execute(
      "SELECT value FROM persona_settings WHERE key = 'persona_tone'",
    );
    other.close();
    expect(row.rows.map((r) => r.value)).toContain('"after release"');
  });

  it("is ready again once the lock is released", async () => {
    const { status, body } = await eventuallyReady();

    expect(status).toBe(200);
    expect(body.checks.db).toMatchObject({ healthy: true });
  });
});
