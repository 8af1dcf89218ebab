import { chmodSync, existsSync, linkSync, statSync, unlinkSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { createClient, type Client, type InStatement } from "@libsql/client";
import { AppError } from "@/lib/errors";
import { localPath } from "./client";

export type BackupSource = { url: string; authToken?: string };

const quote = (name: string) => `"${name.replaceAll('"', '""')}"`;

// Everything in the schema but SQLite's and libsql's own bookkeeping.
const SCHEMA_QUERY = `SELECT type, name, sql FROM sqlite_master
  WHERE sql IS NOT NULL AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\'
    AND name NOT LIKE 'libsql\\_%' ESCAPE '\\' AND name NOT LIKE '\\_litestream%' ESCAPE '\\'
  ORDER BY rowid`;

// A local file: VACUUM INTO writes a compact copy from one read snapshot. In
// WAL mode it holds no lock that writers wait on, so the server keeps serving.
async function vacuumInto(source: BackupSource, path: string, target: string) {
  if (!existsSync(path)) {
    throw new AppError("not_found", `No database at ${path}: check DATABASE_URL`);
  }

  const client = createClient({ url: source.url, timeout: 5000 });
  try {
    await client.execute({ sql: "VACUUM INTO ?", args: [target] });
  } finally {
    client.close();
  }
}

// A remote database (libsql server, Turso): VACUUM INTO would write on the
// server's disk, so the schema and rows are read in one read transaction (one
// snapshot) and written into a new local file.
export async function copyRows(from: Client, target: string) {
  const to = createClient({ url: `file:${target}` });
  const snapshot = await from.transaction("read");
  try {
    const schema = await snapshot.execute(SCHEMA_QUERY);
    const tables = schema.rows.filter((entry) => entry.type === "table");
    // Tables, then their rows, then indexes, views and triggers; foreign keys
    // are checked once, at commit.
    const statements: InStatement[] = ["PRAGMA defer_foreign_keys = ON"];
    statements.push(...tables.map((entry) => String(entry.sql)));
    for (const entry of tables) {
      const rows = await snapshot.execute(`SELECT * FROM ${quote(String(entry.name))}`);
      const columns = rows.columns.map(quote).join(", ");
      const marks = rows.columns.map(() => "?").join(", ");
      const insert = `INSERT INTO ${quote(String(entry.name))} (${columns}) VALUES (${marks})`;
      for (const row of rows.rows) {
        statements.push({ sql: insert, args: rows.columns.map((_, i) => row[i]) });
      }
    }
    const rest = schema.rows.filter((entry) => entry.type !== "table");
    statements.push(...rest.map((entry) => String(entry.sql)));
    await to.batch(statements, "write");
  } finally {
    snapshot.close();
    to.close();
  }
}

async function remoteCopy(source: BackupSource, target: string) {
  const client = createClient({ url: source.url, authToken: source.authToken });
  try {
    await copyRows(client, target);
  } finally {
    client.close();
  }
}

// Writes a consistent copy of the database to `file`, which must not exist.
// The copy is made under a temporary name beside it and linked into place
// only when complete, so `file` is never a half-written database and an
// existing file is never overwritten, even one created meanwhile.
export async function backupDatabase(source: BackupSource, file: string) {
  const target = resolve(file);
  if (existsSync(target)) {
    throw new AppError("conflict", `${target} already exists; choose a new file name`);
  }
  if (!existsSync(dirname(target))) {
    throw new AppError("not_found", `Directory ${dirname(target)} does not exist`);
  }

  const partial = `${target}.partial-${process.pid}`;
  const path = localPath(source.url);
  try {
    if (path) {
      await vacuumInto(source, path, partial);
    } else {
      await remoteCopy(source, partial);
    }
    // It holds password hashes: readable by its owner only.
    chmodSync(partial, 0o600);
    linkSync(partial, target);
  } finally {
    if (existsSync(partial)) {
      unlinkSync(partial);
    }
  }

  return { file: target, bytes: statSync(target).size };
}
