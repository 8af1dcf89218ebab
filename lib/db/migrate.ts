import { join } from "node:path";
import { sql } from "drizzle-orm";
import { migrate } from "drizzle-orm/libsql/migrator";
import { env } from "@/lib/config/env";
import { db, localPath } from "./client";

// WAL lets readers run beside the single writer; it is stored in the file, so
// setting it once per start is enough for every connection.
export async function migrateDatabase() {
  if (localPath(env().DATABASE_URL)) {
    await db().run(sql`PRAGMA journal_mode = WAL`);
  }

  await migrate(db(), { migrationsFolder: join(process.cwd(), "drizzle") });
}
