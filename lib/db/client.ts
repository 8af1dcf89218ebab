import { mkdirSync } from "node:fs";
import { dirname } from "node:path";
import { createClient, type Client } from "@libsql/client";
import { drizzle, type LibSQLDatabase } from "drizzle-orm/libsql";
import { env } from "@/lib/config/env";
import * as schema from "./schema";

export type Database = LibSQLDatabase<typeof schema>;

type Handle = { client: Client; db: Database; probe?: Client };

// SQLite's busy timeout: writers wait this long for another writer's lock
// instead of failing at once with "database is locked".
const BUSY_TIMEOUT_MS = 5000;

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

function connect(timeout: number): Client {
  const { DATABASE_URL, DATABASE_AUTH_TOKEN } = env();
  const path = localPath(DATABASE_URL);
  if (path && path !== ":memory:") {
    mkdirSync(dirname(path), { recursive: true });
  }

  return createClient({ url: DATABASE_URL, authToken: DATABASE_AUTH_TOKEN, timeout });
}

export function handle(): Handle {
  if (!registry[slot]) {
    const client = connect(BUSY_TIMEOUT_MS);
    registry[slot] = { client, db: drizzle(client, { schema }) };
  }

  return registry[slot];
}

export function db(): Database {
  return handle().db;
}

// The client readiness reads through. libsql runs a local query synchronously
// on the event loop, so a probe waiting out the 5 s busy timeout on a lock
// held by another process would stall the whole process and miss its budget:
// on a local file it gets its own connection with a short busy timeout. A
// remote database is reached over the network, which never blocks the loop.
export function probeClient(busyTimeoutMs: number): Client {
  const current = handle();
  if (!localPath(env().DATABASE_URL)) {
    return current.client;
  }

  current.probe ??= connect(busyTimeoutMs);

  return current.probe;
}

export function closeDb() {
  registry[slot]?.probe?.close();
  registry[slot]?.client.close();
  registry[slot] = undefined;
}
