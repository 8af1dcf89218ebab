import { existsSync, mkdtempSync, readFileSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { removeDir, startServer, type RunningServer } from "../support/server";
import { callJson, login } from "./support/http";
import { commandEnv, startScript } from "./support/run";

const dirs: string[] = [];

function tempDir() {
  const dir = mkdtempSync(join(tmpdir(), "agent-console-startup-"));
  dirs.push(dir);

  return dir;
}

afterAll(() => dirs.forEach(removeDir));

describe("start-up refuses a bad environment", () => {
  it.each([
    [
      "a SECRET_KEY under 32 characters",
      { SECRET_KEY: "short-secret-31-characters-long" },
      "SECRET_KEY must be at least 32 characters",
    ],
    [
      "a malformed DATABASE_URL",
      { DATABASE_URL: "mysql://db/agent" },
      "DATABASE_URL: expected file:PATH",
    ],
    [
      "a malformed OPENROUTER_BASE_URL",
      { OPENROUTER_BASE_URL: "not a url" },
      "OPENROUTER_BASE_URL",
    ],
    ["a REDIS_URL with no scheme", { REDIS_URL: "localhost:6379" }, "REDIS_URL"],
    [
      "a CORS_ORIGINS list that is broken JSON",
      { CORS_ORIGINS: '["http://localhost:3000",' },
      "CORS_ORIGINS",
    ],
    ["a CORS_ORIGINS entry with no scheme", { CORS_ORIGINS: "localhost:3000" }, "CORS_ORIGINS.0"],
    ["a CORS_ORIGINS entry that is not http(s)", { CORS_ORIGINS: "file:///tmp" }, "CORS_ORIGINS.0"],
    [
      "a TRUSTED_PROXIES entry that is no address",
      { TRUSTED_PROXIES: "10.0.0.300" },
      "TRUSTED_PROXIES.0",
    ],
    ["a TRUSTED_PROXIES prefix too long", { TRUSTED_PROXIES: "10.0.0.0/33" }, "TRUSTED_PROXIES.0"],
    ["a PORT that is no number", { PORT: "eighty" }, "PORT"],
    ["a negative RATE_LIMIT_AUTH", { RATE_LIMIT_AUTH: "-1" }, "RATE_LIMIT_AUTH"],
    [
      "an AUTO_POSTING_ENABLED that is no flag",
      { AUTO_POSTING_ENABLED: "maybe" },
      "AUTO_POSTING_ENABLED",
    ],
  ])("refuses %s with a clear message and exit code 1", async (_, bad, message) => {
    const result = await startScript(commandEnv(tempDir(), bad));

    expect(result.code).toBe(1);
    expect(result.stderr).toContain("Invalid environment:");
    expect(result.stderr).toContain(message);
    expect(result.output).not.toMatch(/\n\s+at /);
  });

  it("names every bad value at once", async () => {
    const bad = { SECRET_KEY: "short", PORT: "0", CORS_ORIGINS: "nope" };
    const result = await startScript(commandEnv(tempDir(), bad));

    expect(result.code).toBe(1);
    for (const name of ["SECRET_KEY", "PORT", "CORS_ORIGINS"]) {
      expect(result.stderr).toContain(`  ${name}`);
    }
  });

  it("never prints the bad secret it refuses", async () => {
    const result = await startScript(commandEnv(tempDir(), { SECRET_KEY: "hunter2-secret" }));

    expect(result.code).toBe(1);
    expect(result.output).not.toContain("hunter2-secret");
  });

  it("creates no database when it refuses", async () => {
    const dir = tempDir();
    await startScript(commandEnv(dir, { SECRET_KEY: "short" }));

    expect(existsSync(join(dir, "agent-console.db"))).toBe(false);
  });
});

describe("the seeded admin", () => {
  let servers: RunningServer[] = [];

  afterAll(async () => {
    await Promise.all(servers.map((server) => server.stop()));
    servers.forEach((server) => removeDir(server.dir));
    servers = [];
  });

  it("warns loudly in the log while the default password is in use", async () => {
    const server = await startServer();
    servers.push(server);
    const warning = server.logLines().find((line) => line.level === "WARN");

    expect(String(warning?.message)).toMatch(/^seed\.default_password_in_use/);
    expect(String(warning?.message)).toContain("npm run admin:password");
    expect(await login(server)).toBeTruthy();
  });

  it("uses ADMIN_PASSWORD when set, without the warning", async () => {
    const server = await startServer({ env: { ADMIN_PASSWORD: "a-chosen-admin-password" } });
    servers.push(server);
    const messages = server.logLines().map((line) => String(line.message));

    expect(messages.some((message) => message.includes("default_password"))).toBe(false);
    expect(await login(server, "admin", "a-chosen-admin-password")).toBeTruthy();
    await expect(login(server)).rejects.toThrow("401");
  });
});

describe("a second start on the same database", () => {
  let first: RunningServer;
  let second: RunningServer;

  afterAll(async () => {
    await second?.stop();
    removeDir(first.dir);
  });

  it("reuses the admin and the persona without adding duplicates", async () => {
    first = await startServer();
    const token = await login(first);
    const before = await callJson(first, "/api/v1/personas", { token });
    await first.stop();

    second = await startServer({ dir: first.dir });
    const messages = second.logLines().map((line) => String(line.message));
    const after = await callJson(second, "/api/v1/personas", { token });
    const admins = await callJson(second, "/api/v1/admins", { token });

    expect(messages).not.toContain("seed.admin_created");
    expect(messages).not.toContain("seed.persona_created");
    expect(after.body.personas).toEqual(before.body.personas);
    expect(admins.body.admins.map((admin: { username: string }) => admin.username)).toEqual([
      "admin",
    ]);
  });
});

describe("a first start with no env file", () => {
  it("writes one with a fresh SECRET_KEY, readable by its owner only", async () => {
    const dir = tempDir();
    const envFile = join(dir, ".env");
    const server = await startServer({ dir, env: { ENV_FILE: envFile, SECRET_KEY: "" } });
    await server.stop();
    const secret = readFileSync(envFile, "utf8").match(/^SECRET_KEY=(.*)$/m)?.[1] ?? "";

    expect(secret.length).toBeGreaterThanOrEqual(32);
    expect(statSync(envFile).mode & 0o777).toBe(0o600);
  });
});
