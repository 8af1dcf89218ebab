// `npm run db:migrate`: apply the drizzle migrations and seed the admin and the
// default persona, exactly as `npm start` does before serving, then exit.
import { loadEnvironment } from "./prepare";

loadEnvironment();

const { migrateDatabase } = await import("@/lib/db/migrate");
const { seedAdmin, seedDefaultPersona } = await import("@/lib/db/seed");
const { closePasswordPool } = await import("@/lib/auth/password");
const { env } = await import("@/lib/config/env");
const { closeDb, localPath } = await import("@/lib/db/client");
const { log } = await import("@/lib/log");

try {
  await migrateDatabase();
  await seedAdmin();
  await seedDefaultPersona();
  // A remote URL may carry credentials in its query string: only a file path is named.
  log().info({ database: localPath(env().DATABASE_URL) ?? "remote" }, "db.migrated");
} catch (err) {
  log().fatal({ err }, "db.migrate_failed");
  process.exitCode = 1;
} finally {
  await closePasswordPool();
  closeDb();
}
