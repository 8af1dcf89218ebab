// The front server (loaded through tsx) and the Next bundle each load lib/ on
// their own, in one process. What must exist once per process (the database
// pool, the logger, the limiters, the bcrypt workers) lives on globalThis
// under a well-known symbol, so both copies find the same one.
const registry = globalThis as unknown as Record<symbol, unknown>;

export function processWide<T>(name: string) {
  const key = Symbol.for(`agent-console.${name}`);

  return {
    get(create: () => T): T {
      registry[key] ??= create();

      return registry[key] as T;
    },
    peek: () => registry[key] as T | undefined,
    clear() {
      registry[key] = undefined;
    },
  };
}
