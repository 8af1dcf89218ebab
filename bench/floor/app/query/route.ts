import { createClient } from "@libsql/client";
import { eq } from "drizzle-orm";
import { drizzle } from "drizzle-orm/libsql";
import { sqliteTable, text } from "drizzle-orm/sqlite-core";

// The floor's settings read: one SQLite query through the driver and ORM that
// agent-console uses, and nothing else (no auth, no limiter, no logging).
export const dynamic = "force-dynamic";

const settings = sqliteTable("persona_settings", {
  personaId: text("persona_id").notNull(),
  key: text("key").notNull(),
  value: text("value").notNull(),
});

const db = drizzle(createClient({ url: process.env.FLOOR_DATABASE_URL ?? "file::memory:" }));

export async function GET(request: Request) {
  const personaId = new URL(request.url).searchParams.get("persona_id") ?? "";
  const rows = await db
    .select({ key: settings.key, value: settings.value })
    .from(settings)
    .where(eq(settings.personaId, personaId));

  const config: Record<string, unknown> = {};
  for (const row of rows) {
    config[row.key] = JSON.parse(row.value);
  }

  return Response.json({ persona_id: personaId, config });
}
