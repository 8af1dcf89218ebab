import { describe, expect, it } from "vitest";
import { parseEnv, trustedProxies } from "./env";

const SECRET = "unit-test-secret-key-that-is-long-enough";

const source = (values: Record<string, string>) => values as unknown as NodeJS.ProcessEnv;

const parse = (values: Record<string, string>) =>
  parseEnv(source({ SECRET_KEY: SECRET, ...values }));

describe("parseEnv defaults", () => {
  it("fills in the runbook's values", () => {
    const env = parse({});

    expect(env).toMatchObject({
      PORT: 8000,
      ACCESS_TOKEN_EXPIRE_MINUTES: 60,
      DATABASE_URL: "file:data/agent-console.db",
      OPENROUTER_BASE_URL: "https://openrouter.ai/api/v1",
      CORS_ORIGINS: ["http://localhost:3000"],
      TRUSTED_PROXIES: [],
      RATE_LIMIT_AUTH: 10,
      RATE_LIMIT_DEFAULT: 60,
      RATE_LIMIT_WINDOW_SECONDS: 60,
      MAX_BODY_BYTES: 102_400,
    });
  });

  it("treats empty values as unset", () => {
    const env = parse({ PORT: "", ADMIN_PASSWORD: "", REDIS_URL: "", CORS_ORIGINS: "" });

    expect(env.PORT).toBe(8000);
    expect(env.ADMIN_PASSWORD).toBeUndefined();
    expect(env.REDIS_URL).toBeUndefined();
    expect(env.CORS_ORIGINS).toEqual(["http://localhost:3000"]);
  });
});

describe("parseEnv lists", () => {
  it.each([
    ['["http://localhost:3000", "http://localhost:5173"]'],
    ["http://localhost:3000, http://localhost:5173"],
  ])("reads CORS_ORIGINS written as %s", (value) => {
    expect(parse({ CORS_ORIGINS: value }).CORS_ORIGINS).toEqual([
      "http://localhost:3000",
      "http://localhost:5173",
    ]);
  });

  it("reduces each CORS origin to scheme, host and port", () => {
    const env = parse({ CORS_ORIGINS: "https://Example.com:443/app/, http://a.test:8080/" });

    expect(env.CORS_ORIGINS).toEqual(["https://example.com", "http://a.test:8080"]);
  });

  it("reads the runbook's TARGET_SUBREDDITS and AUTO_POSTING_ENABLED", () => {
    const env = parse({ TARGET_SUBREDDITS: '["test", "bottest"]', AUTO_POSTING_ENABLED: "false" });

    expect(env.TARGET_SUBREDDITS).toEqual(["test", "bottest"]);
    expect(env.AUTO_POSTING_ENABLED).toBe(false);
  });

  it.each([
    ["true", true],
    ["1", true],
    ["yes", true],
    ["false", false],
    ["0", false],
    ["no", false],
  ])("reads the flag %s", (value, flag) => {
    expect(parse({ AUTO_POSTING_ENABLED: value }).AUTO_POSTING_ENABLED).toBe(flag);
  });
});

describe("parseEnv DATABASE_URL", () => {
  it.each([
    ["sqlite+aiosqlite:///./data/reddit_agent.db", "file:./data/reddit_agent.db"],
    ["sqlite:///data/x.db", "file:data/x.db"],
    ["file:/var/lib/agent.db", "file:/var/lib/agent.db"],
    ["libsql://db.example.turso.io", "libsql://db.example.turso.io"],
  ])("accepts %s as %s", (value, url) => {
    expect(parse({ DATABASE_URL: value }).DATABASE_URL).toBe(url);
  });
});

describe("parseEnv refusals", () => {
  it.each([
    ["SECRET_KEY", "x".repeat(31), "SECRET_KEY must be at least 32 characters"],
    ["SECRET_KEY", "your_secret_key_at_least_32_characters_long", "published example value"],
    ["DATABASE_URL", "postgres://db/agent", "expected file:PATH"],
    ["OPENROUTER_BASE_URL", "openrouter.ai/api/v1", "expected an http(s):// URL"],
    ["REDIS_URL", "localhost:6379", "expected a redis://"],
    ["CORS_ORIGINS", '["http://a.test"', "expected array"],
    ["CORS_ORIGINS", "localhost:3000", "expected an http(s):// URL"],
    ["CORS_ORIGINS", "*", "expected an http(s):// URL"],
    ["TRUSTED_PROXIES", "proxy.internal", "expected an IP address or CIDR block"],
    ["TRUSTED_PROXIES", "10.0.0.0/33", "expected an IP address or CIDR block"],
    ["TRUSTED_PROXIES", "::1/129", "expected an IP address or CIDR block"],
    ["TRUSTED_PROXIES", "10.0.0.0/8/8", "expected an IP address or CIDR block"],
    ["PORT", "70000", "PORT"],
    ["ACCESS_TOKEN_EXPIRE_MINUTES", "0", "ACCESS_TOKEN_EXPIRE_MINUTES"],
    ["RATE_LIMIT_DEFAULT", "ten", "RATE_LIMIT_DEFAULT"],
    ["LOG_LEVEL", "loud", "LOG_LEVEL"],
    ["MAX_BODY_BYTES", "10", "MAX_BODY_BYTES"],
    ["ADMIN_PASSWORD", "é".repeat(37), "ADMIN_PASSWORD must be at most 72 bytes"],
  ])("refuses %s=%s", (name, value, message) => {
    expect(() => parse({ [name]: value })).toThrow(message);
  });

  it("refuses a missing SECRET_KEY", () => {
    expect(() => parseEnv(source({}))).toThrow(/SECRET_KEY/);
  });

  it("names every bad variable on its own line", () => {
    const attempt = () => parseEnv(source({ SECRET_KEY: "short", PORT: "x", LOG_LEVEL: "loud" }));

    expect(attempt).toThrow(/^Invalid environment:\n/);
    for (const name of ["SECRET_KEY", "PORT", "LOG_LEVEL"]) {
      expect(attempt).toThrow(new RegExp(`\n  ${name}: `));
    }
  });

  it("never repeats a refused value in its message", () => {
    expect(() => parse({ SECRET_KEY: "hunter2-hunter2" })).toThrow(
      expect.objectContaining({ message: expect.not.stringContaining("hunter2") }),
    );
  });
});

describe("trustedProxies", () => {
  it("matches single addresses and CIDR blocks of both families", () => {
    const { TRUSTED_PROXIES } = parse({ TRUSTED_PROXIES: "127.0.0.1, 10.0.0.0/8, fd00::/8" });
    const proxies = trustedProxies(TRUSTED_PROXIES);

    expect(proxies.check("127.0.0.1", "ipv4")).toBe(true);
    expect(proxies.check("10.20.30.40", "ipv4")).toBe(true);
    expect(proxies.check("fd12::1", "ipv6")).toBe(true);
    expect(proxies.check("11.0.0.1", "ipv4")).toBe(false);
    expect(proxies.check("127.0.0.2", "ipv4")).toBe(false);
  });
});
