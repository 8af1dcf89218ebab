import { request as httpRequest } from "node:http";
import { connect } from "node:net";
import { afterAll, beforeAll } from "vitest";
import {
  removeDir,
  startServer,
  tokenFor,
  type RunningServer,
  type ServerOptions,
} from "../../support/server";

// Limits off, so a file can make as many calls as it needs; the rate-limit
// tests start their own servers with the limits on.
export const NO_LIMITS = { RATE_LIMIT_AUTH: "0", RATE_LIMIT_DEFAULT: "0" };

export function startApi(env: Record<string, string> = {}, options: ServerOptions = {}) {
  return startServer({ ...options, env: { ...NO_LIMITS, ...env } });
}

export type CallOptions = {
  method?: string;
  token?: string;
  json?: unknown;
  body?: BodyInit;
  headers?: Record<string, string>;
};

// fetch against the server with the usual API conveniences: a bearer token
// and a JSON body (posted unless another method is named).
export function call(server: RunningServer, path: string, options: CallOptions = {}) {
  const headers: Record<string, string> = { ...options.headers };
  if (options.token !== undefined) {
    headers.authorization = `Bearer ${options.token}`;
  }

  let body = options.body;
  if (options.json !== undefined) {
    headers["content-type"] ??= "application/json";
    body = JSON.stringify(options.json);
  }
  const method = options.method ?? (body === undefined ? "GET" : "POST");

  return fetch(server.url + path, { method, headers, body });
}

export async function callJson(server: RunningServer, path: string, options: CallOptions = {}) {
  const response = await call(server, path, options);
  const text = await response.text();

  const body = text ? JSON.parse(text) : null;

  return { status: response.status, headers: response.headers, body };
}

export function login(server: RunningServer, username = "admin", password = "changeme123") {
  return tokenFor(server.url, username, password);
}

export function form(fields: Record<string, string>) {
  return {
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams(fields).toString(),
  };
}

export async function defaultPersonaId(server: RunningServer, token: string) {
  const { body } = await callJson(server, "/api/v1/personas", { token });
  const persona = body.personas.find((p: { name: string }) => p.name === "default");

  return persona.id as string;
}

export type RawAnswer = {
  status: number;
  headers: Record<string, string | string[]>;
  body: string;
};

// node:http for what fetch will not send: TRACE, a body streamed in chunks
// with no Content-Length, or a Content-Length that lies.
export function rawRequest(
  server: RunningServer,
  path: string,
  options: { method?: string; headers?: Record<string, string>; chunks?: Buffer[] } = {},
): Promise<RawAnswer> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      server.url + path,
      { method: options.method ?? "GET", headers: options.headers },
      (res) => {
        let body = "";
        res.setEncoding("utf8");
        res.on("data", (chunk) => (body += chunk));
        res.on("end", () => {
          const headers = res.headers as RawAnswer["headers"];
          resolve({ status: res.statusCode ?? 0, headers, body });
        });
      },
    );
    // The server may answer and close before the whole body is sent.
    req.on("error", (error: NodeJS.ErrnoException) => {
      if (error.code !== "EPIPE" && error.code !== "ECONNRESET") {
        reject(error);
      }
    });
    for (const chunk of options.chunks ?? []) {
      req.write(chunk);
    }
    req.end();
  });
}

// Waits for a log line to arrive on the server's output.
export async function waitForLog(
  server: RunningServer,
  match: (line: Record<string, unknown>) => boolean,
) {
  const deadline = Date.now() + 5000;
  while (Date.now() < deadline) {
    const found = server.logLines().find(match);
    if (found) {
      return found;
    }
    await new Promise((resolve) => setTimeout(resolve, 25));
  }

  throw new Error("log line never arrived");
}

// Bytes straight onto a socket, for requests no HTTP client will write.
// With `halfClose: false` the socket stays open for writing, for requests the
// server answers only after it has read them whole (it ends the connection).
export function socketRequest(
  server: RunningServer,
  text: string,
  { halfClose = true } = {},
): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(server.port, "127.0.0.1", () => {
      if (halfClose) {
        socket.end(text);
      } else {
        socket.write(text);
      }
    });
    let answer = "";
    socket.setEncoding("latin1");
    socket.on("data", (chunk) => (answer += chunk));
    socket.on("end", () => resolve(answer));
    socket.on("error", reject);
  });
}

export type ApiSession = { server: RunningServer; token: string; personaId: string };

// One server for a test file: started with `env` (limits off) before its
// tests, logged in as the seeded admin, stopped and removed after them.
export function useApi(env: Record<string, string> = {}): ApiSession {
  const session = {} as ApiSession;

  beforeAll(async () => {
    session.server = await startApi(env);
    session.token = await login(session.server, "admin", env.ADMIN_PASSWORD ?? "changeme123");
    session.personaId = await defaultPersonaId(session.server, session.token);
  });

  afterAll(async () => {
    await session.server?.stop();
    if (session.server) {
      removeDir(session.server.dir);
    }
  });

  return session;
}
