import { randomBytes } from "node:crypto";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { parseEnv, type Env } from "@/lib/config/env";

// The environment file read at start-up: `.env` unless ENV_FILE names another.
export function envFilePath() {
  return process.env.ENV_FILE || ".env";
}

// First run: copy .env.example with a freshly generated SECRET_KEY, so the
// service starts with no file edited by hand. An existing file is kept as is.
function ensureEnvFile(path: string) {
  if (existsSync(path) || process.env.SECRET_KEY) {
    return;
  }

  const template = readFileSync(".env.example", "utf8");
  const secret = randomBytes(32).toString("base64url");
  writeFileSync(path, template.replace(/^SECRET_KEY=.*$/m, `SECRET_KEY=${secret}`), {
    mode: 0o600,
  });
  process.stderr.write(`created ${path} with a fresh SECRET_KEY\n`);
}

// Loads and validates the environment, or ends the process with a message
// naming every bad value. Variables already set win over the file.
export function loadEnvironment(): Env {
  const path = envFilePath();
  // An empty variable means "not set" (see parseEnv); left in place it would
  // hide the file's value, which process.loadEnvFile never overrides.
  for (const [name, value] of Object.entries(process.env)) {
    if (value === "") {
      delete process.env[name];
    }
  }
  ensureEnvFile(path);
  if (existsSync(path)) {
    process.loadEnvFile(path);
  }

  // This file is the only env file read; Next must not load .env on its own.
  process.env.__NEXT_PROCESSED_ENV = "true";

  try {
    return parseEnv(process.env);
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n`);
    process.exit(1);
  }
}
