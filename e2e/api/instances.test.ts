import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createClient } from "@libsql/client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { run } from "./support/run";
import { adminApi, createPersonas, readConfig, writeSetting, type Api } from "../support/admin-api";
import { startRedis, type RedisServer } from "../support/redis";
import { removeDir, startServer, TEST_SECRET, tokenFor } from "../support/server";
import type { RunningServer } from "../support/server";

// Each migration is recorded once, however many instances raced to apply it.
const journalFile = new URL("../../drizzle/meta/_journal.json", import.meta.url);
const journal = JSON.parse(readFileSync(journalFile, "utf8"));

let redis: RedisServer;
let a: RunningServer;
let b: RunningServer;
let apiA: Api;
let apiB: Api;

const env = () => ({
  REDIS_URL: redis.url,
  // Tests act as clients behind a proxy on 127.0.0.1, so each can have a
  // budget of its own (X-Forwarded-For) on the shared limiter.
  TRUSTED_PROXIES: "127.0.0.1",
  RATE_LIMIT_DEFAULT: "100000",
});

beforeAll(async () => {
  redis = await startRedis();
  a = await startServer({ env: env() });
  b = await startServer({ dir: a.dir, env: env() });
  apiA = await adminApi(a.url);
  apiB = await adminApi(b.url);
});

afterAll(async () => {
  await Promise.all([a?.stop(), b?.stop()]);
  await redis?.stop();
  removeDir(a.dir);
});

function login(server: RunningServer, client: string) {
  return fetch(`${server.url}/api/v1/auth/token`, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded", "x-forwarded-for": client },
    body: new URLSearchParams({ username: "admin", password: "changeme123" }),
  });
}

describe("two instances on one database and one Redis", () => {
  it("share one auth budget: the 11th token attempt across both gets 429", async () => {
    const statuses: number[] = [];
    const remaining: string[] = [];
    for (let i = 0; i < 10; i++) {
      const response = await login(i % 2 ? b : a, "198.51.100.11");
      statuses.push(response.status);
      remaining.push(response.headers.get("x-ratelimit-remaining") ?? "");
    }
    const eleventh = await login(b, "198.51.100.11");

    expect(statuses).toEqual(Array(10).fill(200));
    expect(remaining).toEqual(["9", "8", "7", "6", "5", "4", "3", "2", "1", "0"]);
    expect(eleventh.status).toBe(429);
    expect(Number(eleventh.headers.get("retry-after"))).toBeGreaterThan(0);
    expect((await login(a, "198.51.100.12")).status).toBe(200);
  });

  it("accept on one instance a token minted on the other", async () => {
    const token = await tokenFor(a.url);
    const response = await fetch(`${b.url}/api/v1/auth/me`, {
      headers: { authorization: `Bearer ${token}` },
    });

    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ username: "admin" });
  });

  it("revoke on one instance the tokens from before a password change on the other", async () => {
    const created = await apiA.post("/api/v1/admins", {
      username: "rotating",
      password: "first-password-123",
    });
    expect(created.status).toBe(201);
    const before = await adminApi(b.url, await tokenFor(b.url, "rotating", "first-password-123"));

    const change = await before.post("/api/v1/auth/password", {
      current_password: "first-password-123",
      new_password: "second-password-456",
    });
    const onA = await adminApi(a.url, before.token);
    expect(change.status).toBe(200);
    expect((await onA.get("/api/v1/auth/me")).status).toBe(401);
    expect((await before.get("/api/v1/auth/me")).status).toBe(401);
    expect(await tokenFor(a.url, "rotating", "second-password-456")).toBeTruthy();
  });

  it("read on one instance the settings written on the other", async () => {
    const [personaId] = await createPersonas(apiA, "shared", 1);
    const write = await writeSetting(apiA, personaId, "persona_tone", "written on A");

    expect(write.status).toBe(200);
    expect(await readConfig(apiB, personaId)).toEqual({ persona_tone: "written on A" });
  });

  it("take 200 concurrent settings writes across both with no error or lost write", async () => {
    const personas = await createPersonas(apiB, "load", 20);
    const writes = personas.flatMap((personaId, p) => {
      return loadValues(p).map(([key, value], k) => {
        return { personaId, key, value, api: k % 2 ? apiB : apiA };
      });
    });

    const answers = await Promise.all(
      writes.map((w) => writeSetting(w.api, w.personaId, w.key, w.value)),
    );

    expect(writes).toHaveLength(200);
    expect(answers.filter((answer) => answer.status !== 200)).toEqual([]);
    for (const [p, personaId] of personas.entries()) {
      const expected = Object.fromEntries(loadValues(p));
      expect(await readConfig(p % 2 ? apiA : apiB, personaId)).toEqual(expected);
    }
    const logs = [...a.logs, ...b.logs].join("\n");
    expect(logs).not.toMatch(/database is locked|SQLITE_BUSY/);
    expect(logs).not.toMatch(/"status_code":5\d\d/);
  });

  it("keep the limits in Redis through an instance restart", async () => {
    for (let i = 0; i < 4; i++) {
      expect((await login(a, "198.51.100.13")).status).toBe(200);
    }

    await a.stop();
    a = await startServer({ dir: b.dir, env: env() });
    const after = await login(a, "198.51.100.13");

    expect(after.headers.get("x-ratelimit-remaining")).toBe("5");
  });
});

// Ten settings of one persona, each value unique to that persona.
function loadValues(p: number): [string, unknown][] {
  return [
    ["max_posts_per_day", p],
    ["max_comments_per_day", 100 + p],
    ["posting_interval_minutes", 10 + p],
    ["llm_temperature", p / 20],
    ["persona_tone", `tone ${p}`],
    ["daily_llm_budget_usd", 5 + p],
    ["auto_posting_enabled", p % 2 === 0],
    ["require_approval", p % 3 === 0],
    ["llm_model", `openai/model-${p}`],
    ["blocked_keywords", [`word${p}`]],
  ];
}

// Each child migrates and seeds at the same instant, as instances started
// together would; returns their exit codes and what they printed.
function raceMigrations(databaseUrl: string, children: number) {
  const startAt = String(Date.now() + 4000);
  const env = { PATH: process.env.PATH, SECRET_KEY: TEST_SECRET, DATABASE_URL: databaseUrl };
  const args = ["--import", "tsx", "e2e/support/migrate-race.ts"];

  return Promise.all(
    Array.from({ length: children }, () => {
      return run(process.execPath, args, { env: { ...env, START_AT: startAt } });
    }),
  );
}

describe("instances started at the same moment on a fresh database", () => {
  it("all migrate and seed it without error, leaving one admin and one persona", async () => {
    const dir = mkdtempSync(join(tmpdir(), "agent-console-race-"));
    const databaseUrl = `file:${join(dir, "agent-console.db")}`;
    try {
      const runs = await raceMigrations(databaseUrl, 4);

      expect(runs.filter((run) => run.code !== 0)).toEqual([]);
      const created = runs.filter((run) => run.output.includes("seed.admin_created"));
      expect(created).toHaveLength(1);
      const client = createClient({ url: databaseUrl });
      const count = async (table: string) => {
        return (await client.execute(`SELECT count(*) AS n FROM ${table}`)).rows[0].n;
      };
      expect(await count("admins")).toBe(1);
      expect(await count("personas")).toBe(1);
      expect(await count("__drizzle_migrations")).toBe(journal.entries.length);
      client.close();
    } finally {
      removeDir(dir);
    }
  });
});
