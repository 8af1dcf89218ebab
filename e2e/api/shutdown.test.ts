import { request, Agent } from "node:http";
import { afterEach, describe, expect, it } from "vitest";
import { removeDir, startServer, tokenFor, type RunningServer } from "../support/server";
import { adminApi, defaultPersonaId } from "../support/admin-api";

let server: RunningServer | undefined;

afterEach(async () => {
  await server?.stop("SIGKILL");
  if (server) {
    removeDir(server.dir);
  }
  server = undefined;
});

function login(url: string) {
  return fetch(`${url}/api/v1/auth/token`, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ username: "admin", password: "changeme123" }),
  }).then(async (response) => ({ status: response.status, at: performance.now() }));
}

// A settings write whose body arrives in two halves, `pause` ms apart: it is
// in flight, inside the server, for that long.
function slowSettingsWrite(
  server: RunningServer,
  token: string,
  body: string,
  pause: number,
  agent?: Agent,
) {
  return new Promise<{ status: number; text: string }>((resolve, reject) => {
    const req = request(`${server.url}/api/v1/settings`, {
      agent,
      method: "POST",
      headers: {
        authorization: `Bearer ${token}`,
        "content-type": "application/json",
        "content-length": Buffer.byteLength(body),
      },
    });
    req.once("response", (res) => {
      let text = "";
      res.on("data", (chunk) => (text += chunk));
      res.once("end", () => resolve({ status: res.statusCode ?? 0, text }));
    });
    req.once("error", reject);
    req.flushHeaders();
    const half = Math.floor(body.length / 2);
    req.write(body.slice(0, half));
    setTimeout(() => req.end(body.slice(half)), pause);
  });
}

async function until(check: () => boolean, timeout = 5000) {
  const deadline = Date.now() + timeout;
  while (!check()) {
    if (Date.now() > deadline) {
      throw new Error("condition not met in time");
    }
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

const drainLine = (s: RunningServer) => s.logLines().find((l) => l.message === "shutdown.draining");

describe("SIGTERM drain", () => {
  it("turns readiness 503 at once, finishes the requests in flight, and exits 0", async () => {
    server = await startServer({ env: { SHUTDOWN_DELAY_MS: "1500", SHUTDOWN_GRACE_MS: "15000" } });
    const running = server;
    const logins = Array.from({ length: 6 }, () => login(running.url));
    await new Promise((resolve) => setTimeout(resolve, 100));

    running.process.kill("SIGTERM");
    await until(() => drainLine(running) !== undefined);
    const ready = await fetch(`${running.url}/health/ready`);
    const readyAt = performance.now();

    expect(ready.status).toBe(503);
    expect((await ready.json()).checks.shutdown).toEqual({
      healthy: false,
      error: "Server is shutting down",
    });
    const done = await Promise.all(logins);
    expect(done.map((r) => r.status)).toEqual([200, 200, 200, 200, 200, 200]);
    expect(readyAt).toBeLessThan(Math.max(...done.map((r) => r.at)));
    expect(drainLine(running)?.in_flight).toBeGreaterThan(0);
    // 0, not 1: it ended by draining, before SHUTDOWN_GRACE_MS ran out.
    expect(await running.exited).toBe(0);
  });

  it("lets a request whose body is still arriving finish before exiting", async () => {
    server = await startServer();
    const api = await adminApi(server.url);
    const personaId = await defaultPersonaId(api);
    const body = JSON.stringify({ persona_id: personaId, key: "persona_tone", value: "drained" });
    const write = slowSettingsWrite(server, api.token, body, 1000);
    await new Promise((resolve) => setTimeout(resolve, 200));

    server.process.kill("SIGTERM");
    const answer = await write;

    expect(answer.status).toBe(200);
    expect(JSON.parse(answer.text)).toMatchObject({ key: "persona_tone", value: "drained" });
    expect(await server.exited).toBe(0);
  });

  it("is not held open by idle keep-alive connections", async () => {
    server = await startServer({ env: { SHUTDOWN_GRACE_MS: "20000" } });
    // Sockets this agent keeps never time out on the client's side: only the
    // server can close them.
    const agent = new Agent({ keepAlive: true, maxSockets: 4 });
    const get = (path: string) =>
      new Promise<number>((resolve, reject) => {
        request(`${server!.url}${path}`, { agent }, (res) => {
          res.resume();
          res.once("end", () => resolve(res.statusCode ?? 0));
        })
          .once("error", reject)
          .end();
      });
    expect(await Promise.all([get("/health"), get("/health"), get("/health")])).toEqual([
      200, 200, 200,
    ]);
    const token = await tokenFor(server.url);
    const inFlight = slowSettingsWrite(server, token, "{}", 500, agent);
    await new Promise((resolve) => setTimeout(resolve, 100));

    const signalled = performance.now();
    server.process.kill("SIGTERM");
    const code = await server.exited;

    expect(code).toBe(0);
    expect(performance.now() - signalled).toBeLessThan(10_000);
    expect((await inFlight).status).toBe(400);
    agent.destroy();
  });

  it("exits at once on a second SIGTERM", async () => {
    server = await startServer({ env: { SHUTDOWN_GRACE_MS: "20000" } });
    const token = await tokenFor(server.url);
    slowSettingsWrite(server, token, '{"never":"finished"}', 60_000).catch(() => undefined);
    await new Promise((resolve) => setTimeout(resolve, 200));

    server.process.kill("SIGTERM");
    await until(() => drainLine(server!) !== undefined);
    const second = performance.now();
    server.process.kill("SIGTERM");

    expect(await server.exited).toBe(1);
    expect(performance.now() - second).toBeLessThan(2000);
    expect(server.logLines().some((l) => l.message === "shutdown.forced")).toBe(true);
  });

  it("exits when SHUTDOWN_GRACE_MS runs out with a request still in flight", async () => {
    server = await startServer({ env: { SHUTDOWN_GRACE_MS: "1500" } });
    const token = await tokenFor(server.url);
    slowSettingsWrite(server, token, '{"never":"finished"}', 60_000).catch(() => undefined);
    await new Promise((resolve) => setTimeout(resolve, 200));

    const signalled = performance.now();
    server.process.kill("SIGTERM");

    expect(await server.exited).toBe(1);
    const waited = performance.now() - signalled;
    expect(waited).toBeGreaterThan(1400);
    expect(waited).toBeLessThan(5000);
    const expired = server.logLines().find((l) => l.message === "shutdown.grace_expired");
    expect(expired?.in_flight).toBe(1);
  });
});
