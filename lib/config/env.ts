import { BlockList, isIP } from "node:net";
import { z } from "zod";

// Lists may be written as JSON (the runbook's `["a", "b"]`) or comma-separated.
function list<T extends z.ZodType>(item: T) {
  return z.preprocess((raw) => {
    if (typeof raw !== "string") {
      return raw;
    }

    const text = raw.trim();
    if (text.startsWith("[")) {
      try {
        return JSON.parse(text);
      } catch {
        return raw;
      }
    }

    return text === "" ? [] : text.split(",").map((part) => part.trim());
  }, z.array(item));
}

const flag = z
  .enum(["true", "false", "1", "0", "yes", "no"])
  .transform((value) => ["true", "1", "yes"].includes(value));

// Without a scheme check, `localhost:3000` parses as a URL whose origin is "null",
// which would let sandboxed and file:// pages through CORS.
const webUrl = z.url({ protocol: /^https?$/, error: "expected an http(s):// URL" });

const origin = webUrl.transform((value) => new URL(value).origin);

const proxyEntry = z.string().refine((value) => {
  const [address, bits, ...rest] = value.split("/");
  const family = isIP(address);
  if (family === 0 || rest.length > 0) {
    return false;
  }

  // A prefix longer than the address would only fail later, when the server starts.
  return (
    bits === undefined || (/^\d{1,3}$/.test(bits) && Number(bits) <= (family === 6 ? 128 : 32))
  );
}, "expected an IP address or CIDR block");

// The runbook's SQLAlchemy form `sqlite+aiosqlite:///./data/x.db` names a local file too.
const databaseUrl = z
  .string()
  .transform((value) => value.replace(/^sqlite(\+\w+)?:\/\/\//, "file:"))
  .refine((value) => /^(file:|libsql:|https?:|wss?:)/.test(value), {
    message: "expected file:PATH or a libsql://, http(s):// or ws(s):// URL",
  });

// Example keys printed in documentation: anyone could sign tokens with them.
const publishedSecrets = new Set([
  "your_secret_key_at_least_32_characters_long",
  "your-secret-key-at-least-32-characters-long",
]);

export const envSchema = z.object({
  NODE_ENV: z.string().default("production"),
  HOST: z.string().min(1).default("127.0.0.1"),
  PORT: z.coerce.number().int().min(1).max(65535).default(8000),
  SECRET_KEY: z
    .string()
    .min(32, "SECRET_KEY must be at least 32 characters")
    .refine((value) => !publishedSecrets.has(value), {
      message: "SECRET_KEY is a published example value; generate a random one",
    }),
  ACCESS_TOKEN_EXPIRE_MINUTES: z.coerce.number().int().min(1).max(10080).default(60),
  DATABASE_URL: databaseUrl.default("file:data/agent-console.db"),
  DATABASE_AUTH_TOKEN: z.string().optional(),
  // bcrypt reads 72 bytes; more would be silently cut.
  ADMIN_PASSWORD: z
    .string()
    .refine((value) => Buffer.byteLength(value) <= 72, "ADMIN_PASSWORD must be at most 72 bytes")
    .optional(),
  OPENROUTER_API_KEY: z.string().optional(),
  OPENROUTER_BASE_URL: webUrl.default("https://openrouter.ai/api/v1"),
  READINESS_TIMEOUT_MS: z.coerce.number().int().min(50).max(2500).default(2000),
  CORS_ORIGINS: list(origin).default(["http://localhost:3000"]),
  TRUSTED_PROXIES: list(proxyEntry).default([]),
  RATE_LIMIT_AUTH: z.coerce.number().int().min(0).default(10),
  RATE_LIMIT_DEFAULT: z.coerce.number().int().min(0).default(60),
  RATE_LIMIT_LOGIN_FAILURES: z.coerce.number().int().min(0).default(100),
  RATE_LIMIT_WINDOW_SECONDS: z.coerce.number().int().min(1).max(86400).default(60),
  REDIS_URL: z
    .url({ protocol: /^rediss?$/, error: "expected a redis:// or rediss:// URL" })
    .optional(),
  MAX_BODY_BYTES: z.coerce.number().int().min(1024).max(10_485_760).default(102_400),
  SHUTDOWN_DELAY_MS: z.coerce.number().int().min(0).max(60_000).default(1000),
  SHUTDOWN_GRACE_MS: z.coerce.number().int().min(100).max(600_000).default(25_000),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  TARGET_SUBREDDITS: list(z.string()).optional(),
  AUTO_POSTING_ENABLED: flag.optional(),
});

export type Env = z.infer<typeof envSchema>;

// Empty values in an env file mean "not set", as they do for most tools.
function withoutEmpty(source: NodeJS.ProcessEnv) {
  return Object.fromEntries(Object.entries(source).filter(([, value]) => value !== ""));
}

export function parseEnv(source: NodeJS.ProcessEnv): Env {
  const result = envSchema.safeParse(withoutEmpty(source));
  if (!result.success) {
    const problems = result.error.issues.map((issue) => {
      return `  ${issue.path.join(".") || "env"}: ${issue.message}`;
    });
    throw new Error(`Invalid environment:\n${problems.join("\n")}`);
  }

  return result.data;
}

let cached: Env | undefined;

export function env(): Env {
  cached ??= parseEnv(process.env);

  return cached;
}

export function trustedProxies(entries: string[]): BlockList {
  const blocks = new BlockList();
  for (const entry of entries) {
    const [address, bits] = entry.split("/");
    const type = isIP(address) === 6 ? "ipv6" : "ipv4";
    if (bits === undefined) {
      blocks.addAddress(address, type);
    } else {
      blocks.addSubnet(address, Number(bits), type);
    }
  }

  return blocks;
}
