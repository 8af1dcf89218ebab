import { availableParallelism } from "node:os";
import { join } from "node:path";
import { Piscina } from "piscina";
import { processWide } from "@/lib/process-wide";

export const BCRYPT_ROUNDS = 12;

export { MAX_PASSWORD_BYTES } from "./password-limits";

// A hash of a random password, compared against when the username is unknown
// so that a wrong username costs as much time as a wrong password.
const DECOY_HASH = "$2b$12$40m3HfbtoYMTGFvjlAkwZene9G7GTaw89NmUrov/KP0e4Jxgvhqd.";

const workers = processWide<Piscina>("bcrypt-pool");

// One pool per process, shared by the front server and the Next bundle. The
// worker is loaded by path from the project root (the process's cwd), so it
// resolves bcryptjs from node_modules whether or not this file was bundled.
function pool(): Piscina {
  return workers.get(
    () =>
      new Piscina({
        filename: join(process.cwd(), "lib/auth/bcrypt-worker.mjs"),
        minThreads: 1,
        maxThreads: Math.max(1, Math.min(availableParallelism(), 4)),
        idleTimeout: 60_000,
      }),
  );
}

export function passwordBytes(password: string): number {
  return Buffer.byteLength(password, "utf8");
}

export async function hashPassword(password: string): Promise<string> {
  return pool().run({ op: "hash", password, rounds: BCRYPT_ROUNDS });
}

export async function verifyPassword(password: string, hash: string | undefined) {
  const matches: boolean = await pool().run({ op: "compare", password, hash: hash ?? DECOY_HASH });

  return hash !== undefined && matches;
}

export async function closePasswordPool() {
  await workers.peek()?.destroy();
  workers.clear();
}
