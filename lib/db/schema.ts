import { sql } from "drizzle-orm";
import { integer, primaryKey, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";

const now = sql`(unixepoch('subsec') * 1000)`;

// Names are unique without regard to case, so `admin` and `ADMIN` cannot be two
// accounts; lookups by name stay exact.
export const admins = sqliteTable(
  "admins",
  {
    id: text("id").primaryKey(),
    username: text("username").notNull().unique(),
    fullName: text("full_name").notNull(),
    hashedPassword: text("hashed_password").notNull(),
    // Bumped on every password change; tokens and sessions carry the value they were issued with.
    sessionVersion: integer("session_version").notNull().default(1),
    mustChangePassword: integer("must_change_password", { mode: "boolean" })
      .notNull()
      .default(false),
    createdAt: integer("created_at").notNull().default(now),
  },
  (table) => [uniqueIndex("admins_username_lower_unique").on(sql`lower(${table.username})`)],
);

export const personas = sqliteTable(
  "personas",
  {
    id: text("id").primaryKey(),
    name: text("name").notNull().unique(),
    description: text("description").notNull().default(""),
    createdAt: integer("created_at").notNull().default(now),
  },
  (table) => [uniqueIndex("personas_name_lower_unique").on(sql`lower(${table.name})`)],
);

export const personaSettings = sqliteTable(
  "persona_settings",
  {
    personaId: text("persona_id")
      .notNull()
      .references(() => personas.id, { onDelete: "cascade" }),
    key: text("key").notNull(),
    value: text("value").notNull(),
    updatedAt: integer("updated_at").notNull().default(now),
  },
  (table) => [primaryKey({ columns: [table.personaId, table.key] })],
);

export const agentStatus = sqliteTable("agent_status", {
  id: integer("id").primaryKey(),
  status: text("status").notNull(),
  lastActivity: integer("last_activity"),
});

export type Admin = typeof admins.$inferSelect;
export type Persona = typeof personas.$inferSelect;
