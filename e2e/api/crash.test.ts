import { afterAll, describe, expect, it } from "vitest";
import { adminApi, createPersonas, readConfig, writeSetting, type Api } from "../support/admin-api";
import { removeDir, startServer, type RunningServer } from "../support/server";

const WRITERS = 6;
let servers: RunningServer[] = [];

afterAll(async () => {
  await Promise.all(servers.map((s) => s.stop()));
  removeDir(servers[0].dir);
});

type Writer = { personaId: string; acked: number; sent: number };

// Each writer writes 1, 2, 3... to its own persona's tone, one write at a time,
// until the server stops answering.
async function write(api: Api, writer: Writer) {
  for (;;) {
    const next = writer.sent + 1;
    writer.sent = next;
    try {
      const { status } = await writeSetting(api, writer.personaId, "persona_tone", `w${next}`);
      if (status !== 200) {
        throw new Error(`write answered ${status}`);
      }
      writer.acked = next;
    } catch (error) {
      if (error instanceof TypeError) {
        return;
      }

      throw error;
    }
  }
}

describe("crash safety", () => {
  it("keeps every settings write answered 200 when the server is killed mid-stream", async () => {
    const first = await startServer({ env: { RATE_LIMIT_DEFAULT: "100000" } });
    servers.push(first);
    const api = await adminApi(first.url);
    const personas = await createPersonas(api, "crash", WRITERS);
    const writers = personas.map((personaId) => ({ personaId, acked: 0, sent: 0 }));
    const streams = writers.map((writer) => write(api, writer));
    const acked = () => writers.reduce((sum, writer) => sum + writer.acked, 0);
    while (acked() < 60) {
      await new Promise((resolve) => setTimeout(resolve, 20));
    }

    first.process.kill("SIGKILL");
    await Promise.all(streams);
    await first.exited;
    const second = await startServer({ dir: first.dir, env: { RATE_LIMIT_DEFAULT: "100000" } });
    servers.push(second);
    const after = await adminApi(second.url);

    for (const writer of writers) {
      const tone = String((await readConfig(after, writer.personaId)).persona_tone);
      // The write in flight at the kill may or may not have landed; every
      // acknowledged one has.
      expect([`w${writer.acked}`, `w${writer.sent}`]).toContain(tone);
    }
  });

  it("restarts on the killed server's file with an intact database", async () => {
    const response = await fetch(`${servers[1].url}/health/ready`);
    const body = await response.json();

    expect(body.checks.db).toMatchObject({ healthy: true });
    const { createClient } = await import("@libsql/client");
    const client = createClient({ url: servers[1].databaseUrl });
    const check = await client.execute("PRAGMA integrity_check");
    client.close();
    expect(check.rows[0][0]).toBe("ok");
  });
});
