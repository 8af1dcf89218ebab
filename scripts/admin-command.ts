// What `npm run admin:add` and `npm run admin:password` share: the one
// username argument, the environment and schema `npm start` would use, and a
// clean exit with a message on any failure.
import { usernameSchema } from "@/lib/auth/schemas";
import { AppError, describeIssues } from "@/lib/errors";
import { loadEnvironment } from "./prepare";

export class CommandError extends Error {}

// Exactly one argument: a second one would most likely be a password.
export function usernameArgument(command: string): string {
  const args = process.argv.slice(2);
  if (args.length > 1) {
    throw new CommandError(
      "too many arguments: give only the username; the password is read from " +
        "ADMIN_NEW_PASSWORD, a prompt, or one line on stdin, never from the command line",
    );
  }

  if (args.length === 0) {
    throw new CommandError(`usage: npm run ${command} -- <username>`);
  }

  const parsed = usernameSchema.safeParse(args[0]);
  if (!parsed.success) {
    throw new CommandError(describeIssues(parsed.error.issues));
  }

  return parsed.data;
}

// Loads the environment as `npm start` does, brings the database schema up to
// date, then runs the command. Exits 0, or 1 with `error: <why>` on stderr.
export async function adminCommand(name: string, body: (username: string) => Promise<string>) {
  let code = 0;
  try {
    const username = usernameArgument(name);
    loadEnvironment();
    const { migrateDatabase } = await import("@/lib/db/migrate");
    await migrateDatabase();
    process.stdout.write(`${await body(username)}\n`);
  } catch (error) {
    // Refusals are expected; anything else (an unreachable database, say) is
    // still told in one line rather than a stack trace.
    const known = error instanceof CommandError || error instanceof AppError;
    const reason = error instanceof Error ? error.message : String(error);
    process.stderr.write(`error: ${known ? "" : "unexpected failure: "}${reason}\n`);
    code = 1;
  }

  const { closePasswordPool } = await import("@/lib/auth/password");
  const { closeDb } = await import("@/lib/db/client");
  await closePasswordPool();
  closeDb();
  process.exitCode = code;
}
