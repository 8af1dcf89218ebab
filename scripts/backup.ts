// `npm run db:backup -- FILE`: writes a consistent copy of the configured
// database (DATABASE_URL, from the environment or the env file) to FILE while
// the server keeps serving. FILE must not exist yet.
import { existsSync } from "node:fs";
import { envSchema } from "@/lib/config/env";
import { backupDatabase } from "@/lib/db/backup";
import { AppError } from "@/lib/errors";
import { log } from "@/lib/log";
import { envFilePath } from "./prepare";

const file = process.argv[2];
if (!file || process.argv.length > 3) {
  process.stderr.write("usage: npm run db:backup -- FILE\n");
  process.exit(2);
}

if (existsSync(envFilePath())) {
  process.loadEnvFile(envFilePath());
}

const config = envSchema.pick({ DATABASE_URL: true, DATABASE_AUTH_TOKEN: true });
// As the server does, an empty variable counts as unset.
const set = Object.entries(process.env).filter(([, value]) => value !== "");
const source = config.safeParse(Object.fromEntries(set));
if (!source.success) {
  process.stderr.write(`Invalid DATABASE_URL: ${source.error.issues[0]?.message}\n`);
  process.exit(2);
}

const started = performance.now();
try {
  const { DATABASE_URL: url, DATABASE_AUTH_TOKEN: authToken } = source.data;
  const copy = await backupDatabase({ url, authToken }, file);
  const ms = Math.round(performance.now() - started);
  log().info({ file: copy.file, bytes: copy.bytes, duration_ms: ms }, "db.backup_written");
} catch (error) {
  // As the admin commands do: one line an operator can act on, no stack.
  const reason = error instanceof Error ? error.message : String(error);
  const known = error instanceof AppError;
  process.stderr.write(`error: ${known ? "" : "unexpected failure: "}${reason}\n`);
  process.exit(1);
}
