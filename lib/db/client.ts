import { mkdirSync } from "node:fs";
import { dirname } from "node:path";
import { createClient, type Client } from "@libsql/client";
import { drizzle, type LibSQLDatabase } from "drizzle-orm/libsql";
import { env } from "@/lib/config/env";
import { BUSY_SLICE_MS, laneClient, writeLane } from "./write-lane";
import * as schema from "./schema";
import { processWide } from "@/lib/process-wide";

export type Database = LibSQLDatabase<typeof schema>;

type Handle = { client: Client; db: Database; probe?: Client };

// In WAL mode readers wait on a lock only while a crashed writer's log is
// recovered, which is brief.
const READ_BUSY_TIMEOUT_MS = 1000;

// One connection pool per process (see lib/process-wide.ts).
const current = processWide<Handle>("db");

export function localPath(url: string): string | undefined {
  if (!url.startsWith("file:")) {
    return undefined;
  }

  return url.slice("file:".length).split("?")[0];
}

function connect(timeout: number, concurrency?: number): Client {
  const { DATABASE_URL, DATABASE_AUTH_TOKEN } = env();
  const path = localPath(DATABASE_URL);
  if (path && path !== ":memory:") {
    mkdirSync(dirname(path), { recursive: true });
  }

  return createClient({ url: DATABASE_URL, authToken: DATABASE_AUTH_TOKEN, timeout, concurrency });
}

// A local file gets a write lane (see write-lane.ts): writers wait for another
// process's lock instead of failing at once with "database is locked", without
// freezing this process meanwhile. In memory there is one connection only; a
// remote server does its own waiting, over the network.
function open(): Client {
  const path = localPath(env().DATABASE_URL);
  if (!path || path === ":memory:") {
    return connect(READ_BUSY_TIMEOUT_MS);
  }

  const lane = writeLane(() => connect(BUSY_SLICE_MS, 1));

  return laneClient(connect(READ_BUSY_TIMEOUT_MS), lane);
}

export function handle(): Handle {
  return current.get(() => {
    const client = open();

    return { client, db: drizzle(client, { schema }) };
  });
}

export function db(): Database {
  return handle().db;
}

// The client readiness reads through. libsql runs a local query synchronously
// on the event loop, so a probe waiting on a lock would stall the whole
// process and could miss its budget: on a local file it gets its own
// connection with a short busy timeout. A remote database is reached over the
// network, which never blocks the loop.
export function probeClient(busyTimeoutMs: number): Client {
  const current = handle();
  if (!localPath(env().DATABASE_URL)) {
    return current.client;
  }

  current.probe ??= connect(busyTimeoutMs);

  return current.probe;
}

export function closeDb() {
  current.peek()?.probe?.close();
  current.peek()?.client.close();
  current.clear();
}
