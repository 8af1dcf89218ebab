import { spawn, type ChildProcess } from "node:child_process";
import { connect } from "node:net";
import { freePort } from "./ports";

export type RedisServer = {
  url: string;
  port: number;
  // Stops the server (its data is gone: nothing is saved) and starts a fresh
  // one on the same port, as after an outage.
  stop(): Promise<void>;
  start(): Promise<void>;
  // SIGSTOP / SIGCONT: connections stay open but nothing is answered, as
  // with an overloaded server or a network that drops packets.
  pause(): void;
  resume(): void;
};

// One throwaway redis-server (Debian's package) on 127.0.0.1 and a free port,
// with persistence off.
export async function startRedis(): Promise<RedisServer> {
  const port = await freePort();
  let child: ChildProcess | undefined;

  const start = async () => {
    const args = ["--port", String(port), "--bind", "127.0.0.1"];
    child = spawn("redis-server", [...args, "--save", "", "--appendonly", "no"], {
      stdio: "ignore",
    });
    await waitFor(port, true);
  };

  const stop = async () => {
    const running = child;
    if (!running || running.exitCode !== null || running.signalCode !== null) {
      return;
    }

    const exited = new Promise((resolve) => running.once("exit", resolve));
    running.kill("SIGTERM");
    await exited;
    await waitFor(port, false);
  };

  await start();

  return {
    url: `redis://127.0.0.1:${port}`,
    port,
    stop,
    start,
    pause: () => child?.kill("SIGSTOP"),
    resume: () => child?.kill("SIGCONT"),
  };
}

function answersPing(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, "127.0.0.1");
    socket.setTimeout(500);
    socket.once("connect", () => socket.write("PING\r\n"));
    socket.once("data", (data) => {
      socket.destroy();
      resolve(data.toString().startsWith("+PONG"));
    });
    socket.once("error", () => resolve(false));
    socket.once("timeout", () => {
      socket.destroy();
      resolve(false);
    });
  });
}

async function waitFor(port: number, up: boolean) {
  const deadline = Date.now() + 10_000;
  while (Date.now() < deadline) {
    if ((await answersPing(port)) === up) {
      return;
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }

  throw new Error(`redis-server on port ${port} did not ${up ? "start" : "stop"}`);
}
