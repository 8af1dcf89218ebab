import { spawn } from "node:child_process";

export type CommandResult = { code: number | null; output: string };

// Runs a command to its end with PATH and the given variables only, and
// returns its exit code with what it printed on stdout and stderr together.
export function runCommand(command: string, args: string[], env: Record<string, string>) {
  const child = spawn(command, args, {
    env: { PATH: process.env.PATH, ...env } as unknown as NodeJS.ProcessEnv,
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout.on("data", (chunk: Buffer) => (output += chunk));
  child.stderr.on("data", (chunk: Buffer) => (output += chunk));

  return new Promise<CommandResult>((resolve) => {
    child.once("exit", (code: number | null) => resolve({ code, output }));
  });
}
