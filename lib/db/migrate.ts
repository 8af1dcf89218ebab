import { setTimeout as sleep } from "node:timers/promises";
import { join } from "node:path";
import { sql } from "drizzle-orm";
import { migrate } from "drizzle-orm/libsql/migrator";
import { env } from "@/lib/config/env";
import { log } from "@/lib/log";
import { db, localPath } from "./client";

const ATTEMPTS = 5;

// WAL lets readers run beside the single writer; it is stored in the file, so
// setting it once per start is enough for every connection.
async function migrateOnce() {
  if (localPath(env().DATABASE_URL)) {
    await db().run(sql`PRAGMA journal_mode = WAL`);
  }

  await migrate(db(), { migrationsFolder: join(process.cwd(), "drizzle") });
}

// Instances started together on a fresh database race to apply the same
// migrations. Each migration runs in one transaction, so the loser's attempt
// rolls back whole ("table already exists", or a lock it waited out); trying
// again reads the winner's record and finds nothing left to do.
export async function migrateDatabase() {
  for (let attempt = 1; ; attempt++) {
    try {
      await migrateOnce();

      return;
    } catch (err) {
      if (attempt === ATTEMPTS) {
        throw err;
      }

      log().warn({ err, attempt }, "db.migrate_retry: another instance may be migrating");
      await sleep(100 * attempt + Math.random() * 100);
    }
  }
}
