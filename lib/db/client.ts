import { mkdirSync } from "node:fs";
import { dirname } from "node:path";
import { createClient, type Client } from "@libsql/client";
import { drizzle, type LibSQLDatabase } from "drizzle-orm/libsql";
import { env } from "@/lib/config/env";
import * as schema from "./schema";

export type Database = LibSQLDatabase<typeof schema>;

type Handle = { client: Client; db: Database };

// The front server and the Next bundle load this module separately in one
// process; a process-wide slot gives them one connection pool.
const slot = Symbol.for("agent-console.db");
const registry = globalThis as unknown as Record<symbol, Handle | undefined>;

export function localPath(url: string): string | undefined {
  if (!url.startsWith("file:")) {
    return undefined;
  }

  return url.slice("file:".length).split("?")[0];
}

function open(): Handle {
  const { DATABASE_URL, DATABASE_AUTH_TOKEN } = env();
  const path = localPath(DATABASE_URL);
  if (path && path !== ":memory:") {
    mkdirSync(dirname(path), { recursive: true });
  }

  // `timeout` is SQLite's busy timeout: writers wait for the lock instead of
  // failing with "database is locked".
  const client = createClient({
    url: DATABASE_URL,
    authToken: DATABASE_AUTH_TOKEN,
    timeout: 5000,
  });

  return { client, db: drizzle(client, { schema }) };
}

export function handle(): Handle {
  registry[slot] ??= open();

  return registry[slot];
}

export function db(): Database {
  return handle().db;
}

export function closeDb() {
  registry[slot]?.client.close();
  registry[slot] = undefined;
}
