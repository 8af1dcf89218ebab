// The new password for `npm run admin:add` and `npm run admin:password`: never
// from argv, where `ps` and shell history would show it.
import { newPasswordSchema } from "@/lib/auth/schemas";
import { describeIssues } from "@/lib/errors";
import { CommandError } from "./admin-command";

const MAX_LINE_BYTES = 4096;

// The first line of a piped stdin, without its line ending.
async function firstLine(): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of process.stdin as AsyncIterable<Buffer>) {
    chunks.push(chunk);
    size += chunk.length;
    if (chunk.includes(10) || size > MAX_LINE_BYTES) {
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
