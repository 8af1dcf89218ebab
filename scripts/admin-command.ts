// What `npm run admin:add` and `npm run admin:password` share: the one
// username argument, the new password (never from argv, where `ps` shows it),
// the environment and schema `npm start` would use, and a clean exit with a
// message on any refusal.
import { usernameSchema, newPasswordSchema } from "@/lib/auth/schemas";
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

const MAX_LINE_BYTES = 4096;

// The first line of a piped stdin, without its line ending.
async function firstLine(): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of process.stdin) {
    chunks.push(chunk as Buffer);
    size += (chunk as Buffer).length;
    if ((chunk as Buffer).includes(10) || size > MAX_LINE_BYTES) {
      break;
    }
  }

  return Buffer.concat(chunks).toString("utf8").split(/\r?\n/)[0];
}

// Reads a line from the terminal without echoing it.
function hiddenPrompt(question: string): Promise<string> {
  const stdin = process.stdin;
  // Echo goes off before the prompt shows, so nothing typed after it is echoed.
  stdin.setRawMode(true);
  stdin.setEncoding("utf8");
  stdin.resume();
  process.stderr.write(question);

  return new Promise((resolve, reject) => {
    let answer: string[] = [];
    const finish = () => {
      stdin.off("data", onData);
      stdin.setRawMode(false);
      stdin.pause();
      process.stderr.write("\n");
    };
    const onData = (chunk: string) => {
      for (const char of chunk) {
        if (char === "\r" || char === "\n") {
          finish();
          resolve(answer.join(""));

          return;
        }
        if (char === "\u0003" || char === "\u0004") {
          finish();
          reject(new CommandError("cancelled"));

          return;
        }
        answer = char === "\u007f" || char === "\b" ? answer.slice(0, -1) : [...answer, char];
      }
    };
    stdin.on("data", onData);
  });
}

async function typedTwice(): Promise<string> {
  const first = await hiddenPrompt("New password: ");
  const second = await hiddenPrompt("Repeat it: ");
  if (first !== second) {
    throw new CommandError("the two passwords differ");
  }

  return first;
}

// ADMIN_NEW_PASSWORD when set, else a hidden prompt on a terminal, else the
// first line of stdin; checked against the same rules as the console's form.
export async function newPassword(): Promise<string> {
  const fromEnv = process.env.ADMIN_NEW_PASSWORD;
  let password: string;
  if (fromEnv !== undefined && fromEnv !== "") {
    password = fromEnv;
  } else if (process.stdin.isTTY) {
    password = await typedTwice();
  } else {
    password = await firstLine();
  }

  if (password === "") {
    throw new CommandError(
      "no password given: set ADMIN_NEW_PASSWORD, type it at the prompt, or pipe it on stdin",
    );
  }

  const parsed = newPasswordSchema.safeParse(password);
  if (!parsed.success) {
    throw new CommandError(describeIssues(parsed.error.issues));
  }

  return parsed.data;
}

// Loads the environment as `npm start` does, brings the database schema up to
// date, then runs the command. Exits 0, or 1 with `error: <why>` on stderr for
// every refusal the command or the service layer makes.
export async function adminCommand(name: string, body: (username: string) => Promise<string>) {
  let code = 0;
  try {
    const username = usernameArgument(name);
    loadEnvironment();
    const { migrateDatabase } = await import("@/lib/db/migrate");
    await migrateDatabase();
    process.stdout.write(`${await body(username)}\n`);
  } catch (error) {
    if (!(error instanceof CommandError || error instanceof AppError)) {
      throw error;
    }
    process.stderr.write(`error: ${error.message}\n`);
    code = 1;
  }

  const { closePasswordPool } = await import("@/lib/auth/password");
  const { closeDb } = await import("@/lib/db/client");
  await closePasswordPool();
  closeDb();
  process.exitCode = code;
}
