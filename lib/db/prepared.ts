import { db, type Database } from "./client";

// A statement built once per database handle and reused: for the lookups that
// run on every request, where drizzle building the SQL costs several times
// what running it does.
export function preparedOnce<T>(build: (database: Database) => T): () => T {
  const built = new WeakMap<Database, T>();

  return () => {
    const database = db();
    let statement = built.get(database);
    if (statement === undefined) {
      statement = build(database);
      built.set(database, statement);
    }

    return statement;
  };
}
