import { copyFileSync, existsSync, mkdtempSync, readFileSync } from "node:fs";
import { statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createClient } from "@libsql/client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { copyRows } from "@/lib/db/backup";
import { npmRun } from "./support/run";
import { adminApi, createPersonas, readConfig, writeSetting, type Api } from "../support/admin-api";
import { removeDir, startServer, type RunningServer } from "../support/server";

const env = { RATE_LIMIT_DEFAULT: "100000" };
let server: RunningServer;
let api: Api;
let personas: string[];
const out = mkdtempSync(join(tmpdir(), "agent-console-backup-"));

beforeAll(async () => {
  server = await startServer({ env });
  api = await adminApi(server.url);
  personas = await createPersonas(api, "backup", 2);
});

afterAll(async () => {
  await server?.stop();
  removeDir(server.dir);
  removeDir(out);
});

function backup(file: string, databaseUrl = server.databaseUrl) {
  const env = { PATH: process.env.PATH, DATABASE_URL: databaseUrl, ENV_FILE: join(out, "none") };

  return npmRun("db:backup", [file], { env });
}

// One writer counts up, writing n to persona n % 2, one write at a time: in
// any consistent copy the two personas hold consecutive numbers.
function countUp(stop: () => boolean) {
  const progress = { acked: 0 };
  const done = (async () => {
    for (let n = 1; !stop(); n++) {
      const { status } = await writeSetting(api, personas[n % 2], "max_posts_per_day", n % 100);
      await writeSetting(api, personas[n % 2], "persona_tone", `n${n}`);
      expect(status).toBe(200);
      progress.acked = n;
    }
  })();

  return { progress, done };
}

async function tones(databaseUrl: string): Promise<number[]> {
  const client = createClient({ url: databaseUrl });
  const rows = await client.execute({
    sql: `SELECT persona_id, value FROM persona_settings
          WHERE key = 'persona_tone' AND persona_id IN (?, ?)`,
    args: personas,
  });
  client.close();

  return rows.rows.map((row) => Number(JSON.parse(String(row.value)).slice(1)));
}

async function integrity(databaseUrl: string) {
  const client = createClient({ url: databaseUrl });
  const result = await client.execute("PRAGMA integrity_check");
  client.close();

  return result.rows[0][0];
}

describe("npm run db:backup", () => {
  const file = join(out, "live.db");

  it("writes a consistent copy while the server keeps taking writes", async () => {
    let stopped = false;
    const writer = countUp(() => stopped);
    await new Promise((resolve) => setTimeout(resolve, 500));
    const ackedBefore = writer.progress.acked;

    const result = await backup(file);
    stopped = true;
    await writer.done;

    expect(result.code).toBe(0);
    expect(result.output).toContain("db.backup_written");
    expect(await integrity(`file:${file}`)).toBe("ok");
    const [a, b] = (await tones(`file:${file}`)).sort((x, y) => x - y);
    expect(b - a).toBe(1);
    expect(b).toBeGreaterThanOrEqual(ackedBefore);
    expect(b).toBeLessThan(writer.progress.acked + 2);
    expect(statSync(file).mode & 0o777).toBe(0o600);
  });

  it("restores by starting a server on the copy, which reads the settings back", async () => {
    const dir = mkdtempSync(join(tmpdir(), "agent-console-restored-"));
    copyFileSync(file, join(dir, "agent-console.db"));
    const restored = await startServer({ dir, env });
    try {
      const restoredApi = await adminApi(restored.url);
      const saved = await tones(`file:${file}`);
      const configs = await Promise.all(personas.map((id) => readConfig(restoredApi, id)));

      expect(configs.map((config) => config.persona_tone).sort()).toEqual(
        saved.map((n) => `n${n}`).sort(),
      );
    } finally {
      await restored.stop();
      removeDir(dir);
    }
  });

  it("refuses to overwrite an existing file and leaves it as it was", async () => {
    const existing = join(out, "existing.db");
    writeFileSync(existing, "keep me");
    const result = await backup(existing);

    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^error: \S+existing\.db already exists; [^\n]+\n$/);
    expect(readFileSync(existing, "utf8")).toBe("keep me");
  });

  it("refuses when the configured database file does not exist, creating nothing", async () => {
    const missing = join(out, "missing.db");
    const result = await backup(join(out, "never.db"), `file:${missing}`);

    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^error: No database at \S+: check DATABASE_URL\n$/);
    expect(existsSync(missing)).toBe(false);
    expect(existsSync(join(out, "never.db"))).toBe(false);
  });

  it("refuses a target in a directory that does not exist in one line", async () => {
    const result = await backup(join(out, "no-such-dir", "copy.db"));

    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^error: Directory \S+no-such-dir does not exist\n$/);
  });

  it("copies table by table from one read snapshot, as it does for a remote database", async () => {
    const target = join(out, "rows.db");
    const source = createClient({ url: server.databaseUrl });
    await copyRows(source, target);
    source.close();

    expect(await integrity(`file:${target}`)).toBe("ok");
    const live = await tones(server.databaseUrl);
    expect((await tones(`file:${target}`)).sort()).toEqual(live.sort());
    const copy = createClient({ url: `file:${target}` });
    const tables = await copy.execute(
      "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name",
    );
    copy.close();
    expect(tables.rows.map((row) => row.name)).toEqual([
      "__drizzle_migrations",
      "admins",
      "agent_status",
      "persona_settings",
      "personas",
    ]);
    expect(statSync(target).size).toBeGreaterThan(0);
  });
});
