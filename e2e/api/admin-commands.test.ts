import { spawn } from "node:child_process";
import { existsSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createClient } from "@libsql/client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { removeDir, startServer, type RunningServer } from "../support/server";
import { call, login } from "./support/http";
import { commandEnv, npmRun } from "./support/run";

const dir = mkdtempSync(join(tmpdir(), "agent-console-commands-"));
const env = commandEnv(dir);

afterAll(() => removeDir(dir));

async function query(sql: string, args: string[] = []) {
  const client = createClient({ url: env.DATABASE_URL });
  try {
    return (await client.execute({ sql, args })).rows;
  } finally {
    client.close();
  }
}

const adminNamed = async (username: string) =>
  (await query("SELECT * FROM admins WHERE username = ?", [username]))[0];

describe("npm run db:migrate", () => {
  it("creates the database and seeds the admin and the default persona", async () => {
    const result = await npmRun("db:migrate", [], { env });

    expect(result.code).toBe(0);
    expect(result.stdout).toContain("db.migrated");
    expect((await query("SELECT username FROM admins")).map((row) => row.username)).toEqual([
      "admin",
    ]);
    expect((await query("SELECT name FROM personas")).map((row) => row.name)).toEqual(["default"]);
  });

  it("turns WAL mode on", async () => {
    const [row] = await query("PRAGMA journal_mode");

    expect(row.journal_mode).toBe("wal");
  });

  it("changes nothing when run again", async () => {
    const result = await npmRun("db:migrate", [], { env });

    expect(result.code).toBe(0);
    expect(await query("SELECT count(*) AS n FROM admins")).toEqual([
      expect.objectContaining({ n: 1 }),
    ]);
    expect(await query("SELECT count(*) AS n FROM personas")).toEqual([
      expect.objectContaining({ n: 1 }),
    ]);
  });
});

describe("npm run admin:add", () => {
  it("adds an admin with the password piped on stdin, hashed with bcrypt at cost 12", async () => {
    const result = await npmRun("admin:add", ["piped-admin"], {
      env,
      input: "piped-password-123\nignored second line\n",
    });

    expect(result.code).toBe(0);
    expect(result.stdout).toContain("admin 'piped-admin' created");
    expect(String((await adminNamed("piped-admin")).hashed_password)).toMatch(/^\$2[aby]\$12\$/);
  });

  it("keeps the operator's chosen password without forcing a change", async () => {
    expect((await adminNamed("piped-admin")).must_change_password).toBe(0);
  });

  it("takes the password from ADMIN_NEW_PASSWORD", async () => {
    const result = await npmRun("admin:add", ["env-admin"], {
      env: { ...env, ADMIN_NEW_PASSWORD: "env-password-12345" },
    });

    expect(result.code).toBe(0);
    expect(await adminNamed("env-admin")).toBeDefined();
  });

  it.runIf(existsSync("/usr/bin/script"))("asks twice on a terminal without echoing", async () => {
    // `script` gives the command a terminal; each answer is typed once its prompt shows.
    const command = "npm run --silent admin:add -- tty-admin";
    const child = spawn("script", ["-qec", command, "/dev/null"], {
      env: env as unknown as NodeJS.ProcessEnv,
    });
    let screen = "";
    const answered = new Set<string>();
    child.stdout.on("data", (chunk) => {
      screen += chunk;
      for (const prompt of ["New password: ", "Repeat it: "]) {
        if (screen.includes(prompt) && !answered.has(prompt)) {
          answered.add(prompt);
          child.stdin.write("tty-password-1234\r");
        }
      }
    });
    const code = await new Promise((resolve) => child.once("exit", resolve));

    expect(code).toBe(0);
    expect(screen).toContain("admin 'tty-admin' created");
    expect(screen).not.toContain("tty-password-1234");
  });

  it.each([
    ["no username", [], "", "usage: npm run admin:add -- <username>"],
    [
      "a password on the command line",
      ["argv-admin", "argv-password-123"],
      "",
      "never from the command line",
    ],
    ["a bad username", ["no spaces allowed"], "good-password-123\n", "Username may use"],
    ["a short password", ["short-admin"], "short\n", "at least 12 characters"],
    ["no password at all", ["silent-admin"], "", "no password given"],
    ["a name that is taken", ["admin"], "good-password-123\n", "Admin 'admin' already exists"],
    ["a taken name in capitals", ["ADMIN"], "good-password-123\n", "Admin 'ADMIN' already exists"],
  ])("refuses %s with exit code 1 and a message", async (_, args, input, message) => {
    const before = await query("SELECT username FROM admins");
    const result = await npmRun("admin:add", args, { env, input });

    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^error: /);
    expect(result.stderr).toContain(message);
    expect(await query("SELECT username FROM admins")).toEqual(before);
  });

  it("tells an unusable database in one line, without a stack trace", async () => {
    // A database path under a plain file can never be created.
    const blocker = join(dir, "agent-console.db");
    const result = await npmRun("admin:add", ["lost-admin"], {
      env: { ...env, DATABASE_URL: `file:${join(blocker, "nested.db")}` },
      input: "lost-password-123\n",
    });

    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^error: unexpected failure: /);
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });

  it("migrates a database that does not exist yet", async () => {
    const fresh = mkdtempSync(join(tmpdir(), "agent-console-commands-"));
    const result = await npmRun("admin:add", ["first-admin"], {
      env: commandEnv(fresh),
      input: "first-password-123\n",
    });
    removeDir(fresh);

    expect(result.code).toBe(0);
  });
});

describe("npm run admin:password", () => {
  let server: RunningServer;

  beforeAll(async () => {
    server = await startServer({ dir, env: { RATE_LIMIT_AUTH: "0" } });
  });

  afterAll(async () => {
    await server?.stop();
  });

  it("replaces the password and ends the admin's older tokens", async () => {
    const token = await login(server, "piped-admin", "piped-password-123");
    const result = await npmRun("admin:password", ["piped-admin"], {
      env,
      input: "replaced-password-456\n",
    });

    expect(result.code).toBe(0);
    expect(result.stdout).toContain("no longer work");
    expect((await call(server, "/api/v1/auth/me", { token })).status).toBe(401);
    await expect(login(server, "piped-admin", "piped-password-123")).rejects.toThrow("401");
    expect(await login(server, "piped-admin", "replaced-password-456")).toBeTruthy();
  });

  it("leaves other admins' tokens working", async () => {
    const token = await login(server, "env-admin", "env-password-12345");
    await npmRun("admin:password", ["piped-admin"], { env, input: "another-password-789\n" });

    expect((await call(server, "/api/v1/auth/me", { token })).status).toBe(200);
  });

  it("clears the must-change flag of the seeded admin", async () => {
    expect((await adminNamed("admin")).must_change_password).toBe(1);
    const result = await npmRun("admin:password", ["admin"], {
      env: { ...env, ADMIN_NEW_PASSWORD: "no-longer-default-1" },
    });

    expect(result.code).toBe(0);
    expect((await adminNamed("admin")).must_change_password).toBe(0);
  });

  it.each([
    ["an unknown admin", ["ghost"], "good-password-123\n", "Admin 'ghost' not found"],
    ["a short password", ["env-admin"], "tiny\n", "at least 12 characters"],
    [
      "a password on the command line",
      ["env-admin", "argv-password-123"],
      "",
      "never from the command line",
    ],
  ])("refuses %s with exit code 1 and a message", async (_, args, input, message) => {
    const before = await adminNamed("env-admin");
    const result = await npmRun("admin:password", args, { env, input });

    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^error: /);
    expect(result.stderr).toContain(message);
    expect((await adminNamed("env-admin")).hashed_password).toBe(before.hashed_password);
  });
});
