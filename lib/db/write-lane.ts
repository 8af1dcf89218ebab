import { setTimeout as sleep } from "node:timers/promises";
import { LibsqlError, type Client, type InStatement } from "@libsql/client";
import { AppError } from "@/lib/errors";

// How long SQLite itself may wait for the write lock in one attempt. libsql
// runs a local query synchronously, so its busy handler freezes the whole
// process, health probes included, while it waits: each wait is kept short
// and the rest of the waiting happens between attempts, with the loop free.
export const BUSY_SLICE_MS = 50;

// How long a write waits in all for another process's lock before the
// request is refused with a 503.
const PATIENCE_MS = 5000;

function isBusy(error: unknown) {
  return error instanceof LibsqlError && String(error.code).startsWith("SQLITE_BUSY");
}

function isRead(statement: InStatement) {
  const text = typeof statement === "string" ? statement : statement.sql;

  return /^\s*select\b/i.test(text);
}

// Writes go one at a time through their own connection. A write that failed
// with SQLITE_BUSY leaves its connection inside a transaction that can never
// commit (libsql does not reset the failed statement: libsql-client-ts#352),
// and anything written there later would be lost. So after a busy failure the
// connection is thrown away and a new one opened, before any other write can
// run: the lane is held until then.
export function writeLane(open: () => Client) {
  let writer = open();
  let queue: Promise<unknown> = Promise.resolve();

  async function attempt<T>(call: (client: Client) => Promise<T>, deadline: number): Promise<T> {
    for (let tries = 1; ; tries++) {
      try {
        return await call(writer);
      } catch (error) {
        if (!isBusy(error)) {
          throw error;
        }

        writer.close();
        writer = open();
        if (Date.now() > deadline) {
          throw new AppError("unavailable", "The database is busy; retry shortly", {
            "Retry-After": "1",
          });
        }
        await sleep(Math.min(5 * tries, 50) + Math.random() * 10);
      }
    }
  }

  return {
    // The patience runs from the call, not from its turn: writes queued
    // behind one that waits for a lock are refused with it, not after it.
    run<T>(call: (client: Client) => Promise<T>): Promise<T> {
      const deadline = Date.now() + PATIENCE_MS;
      const result = queue.then(() => attempt(call, deadline));
      queue = result.catch(() => undefined);

      return result;
    },
    close: () => writer.close(),
  };
}

// The client the app uses: reads on `reader`'s pool, everything else in the
// write lane. Interactive transactions stay on `reader`: none is used while
// serving.
export function laneClient(reader: Client, lane: ReturnType<typeof writeLane>): Client {
  const routed: Partial<Client> = {
    execute: ((statement: InStatement, args?: unknown) => {
      if (isRead(statement)) {
        return reader.execute(statement as never, args as never);
      }

      return lane.run((writer) => writer.execute(statement as never, args as never));
    }) as Client["execute"],
    batch: (statements, mode) => lane.run((writer) => writer.batch(statements, mode)),
    migrate: (statements) => lane.run((writer) => writer.migrate(statements)),
    executeMultiple: (sql) => lane.run((writer) => writer.executeMultiple(sql)),
    close: () => {
      lane.close();
      reader.close();
    },
  };

  return new Proxy(reader, {
    get(target, property) {
      if (property in routed) {
        return routed[property as keyof Client];
      }

      const value = Reflect.get(target, property, target);

      return typeof value === "function" ? value.bind(target) : value;
    },
  });
}
