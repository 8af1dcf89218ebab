import { randomUUID } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import next from "next";
import { env, trustedProxies } from "@/lib/config/env";
import { getAgentStatus } from "@/lib/health/agent";
import { isoSeconds } from "@/lib/health/clock";
import { isDraining, startDraining } from "@/lib/health/lifecycle";
import { readiness } from "@/lib/health/readiness";
import { log } from "@/lib/log";
import { clientAddress } from "./client-address";
import { refuseMalformedRequest } from "./client-error";
import { prepareLimiters } from "./rate-limit";
import { acceptRequestId, newNonce, pageCsp, securityHeaders, strictCsp } from "./headers";

type Probe = "live" | "ready" | "agent";

const probes = new Map<string, Probe>([
  ["/health", "live"],
  ["/health/ready", "ready"],
  ["/health/agent", "agent"],
  ["/api/v1/health", "live"],
  ["/api/v1/health/ready", "ready"],
  ["/api/v1/health/agent", "agent"],
]);

const refusedMethods = new Set(["TRACE", "TRACK", "CONNECT"]);

const readOnlyMethods = new Set(["GET", "HEAD", "OPTIONS"]);

const exposedHeaders = [
  "X-Request-ID",
  "Retry-After",
  "X-RateLimit-Limit",
  "X-RateLimit-Remaining",
  "X-RateLimit-Reset",
].join(", ");

// The path Next will route: it resolves dot segments, escapes and repeated
// slashes first, so `/_next/static/../../api/x` must be classified as /api/x.
// Plain paths, nearly all of them, skip the URL parser.
function routedPath(url: string): string {
  const query = url.indexOf("?");
  const raw = query === -1 ? url : url.slice(0, query);
  if (!/\/\.|\/\/|%|\\/.test(raw)) {
    return raw;
  }

  try {
    return new URL(`http://localhost${raw}`).pathname.replace(/\/{2,}/g, "/");
  } catch {
    return raw;
  }
}

function sameOrigin(req: IncomingMessage, origin: string) {
  try {
    return new URL(origin).host === req.headers.host;
  } catch {
    return false;
  }
}

function sendJson(req: IncomingMessage, res: ServerResponse, status: number, body: unknown) {
  const json = JSON.stringify(body);
  res.writeHead(status, {
    "Content-Type": "application/json",
    "Content-Length": Buffer.byteLength(json),
    "Cache-Control": "no-store",
  });
  res.end(req.method === "HEAD" ? undefined : json);
}

async function answerProbe(probe: Probe, req: IncomingMessage, res: ServerResponse) {
  if (req.method !== "GET" && req.method !== "HEAD") {
    res.setHeader("Allow", "GET, HEAD");
    sendJson(req, res, 405, { detail: "Method Not Allowed" });

    return;
  }

  // Liveness never touches a dependency: answering at all is the proof.
  if (probe === "live") {
    sendJson(req, res, 200, { status: "ok", timestamp: isoSeconds() });

    return;
  }

  if (probe === "ready") {
    const result = await readiness();
    sendJson(req, res, result.status === "ready" ? 200 : 503, result);

    return;
  }

  sendJson(req, res, 200, await getAgentStatus());
}

// The process's only HTTP listener. It does the per-request work that must be
// cheap and must cover every response: request id, real client address,
// security headers, CORS, body-size cap, one log line, and the health probes,
// which it answers itself so that they never wait on Next's router. All else
// goes to Next's request handler.
export async function startFrontServer({ dev }: { dev: boolean }) {
  const config = env();
  const proxies = config.TRUSTED_PROXIES.length ? trustedProxies(config.TRUSTED_PROXIES) : null;
  const origins = new Set(config.CORS_ORIGINS);
  const logger = log();
  prepareLimiters();

  const app = next({ dev, dir: process.cwd(), hostname: config.HOST, port: config.PORT });
  const handle = app.getRequestHandler();
  await app.prepare();

  let inFlight = 0;

  function corsPreflight(req: IncomingMessage, res: ServerResponse, origin: string) {
    if (!origins.has(origin)) {
      sendJson(req, res, 403, { detail: "Origin not allowed" });

      return;
    }

    res.writeHead(204, {
      "Access-Control-Allow-Origin": origin,
      Vary: "Origin",
      "Access-Control-Allow-Methods": "GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS",
      "Access-Control-Allow-Headers": "Authorization, Content-Type, X-Request-ID",
      "Access-Control-Max-Age": "600",
    });
    res.end();
  }

  async function route(req: IncomingMessage, res: ServerResponse, path: string) {
    const method = req.method ?? "GET";
    if (refusedMethods.has(method)) {
      sendJson(req, res, 405, { detail: "Method Not Allowed" });

      return;
    }

    if (Number(req.headers["content-length"] ?? 0) > config.MAX_BODY_BYTES) {
      res.setHeader("Connection", "close");
      sendJson(req, res, 413, { detail: `Request body exceeds ${config.MAX_BODY_BYTES} bytes` });

      return;
    }

    const api = path.startsWith("/api/") || path.startsWith("/health");

    // Console forms (server actions) come from browsers, which always declare a
    // length; a streamed body there would only reach Next's own limit, a 500.
    if (!api && req.headers["transfer-encoding"] && !req.headers["content-length"]) {
      res.setHeader("Connection", "close");
      sendJson(req, res, 411, { detail: "Content-Length is required" });

      return;
    }

    const origin = req.headers.origin;
    if (api && origin) {
      if (method === "OPTIONS" && req.headers["access-control-request-method"]) {
        corsPreflight(req, res, origin);

        return;
      }

      res.setHeader("Vary", "Origin");
      if (origins.has(origin)) {
        res.setHeader("Access-Control-Allow-Origin", origin);
        res.setHeader("Access-Control-Expose-Headers", exposedHeaders);
      } else if (!readOnlyMethods.has(method) && !sameOrigin(req, origin)) {
        // A page on another site can post a plain form here without a
        // preflight; refuse before it can spend anyone's login budget.
        sendJson(req, res, 403, { detail: "Origin not allowed" });

        return;
      }
    }

    const probe = probes.get(path);
    if (probe) {
      await answerProbe(probe, req, res);

      return;
    }

    if (!api && !path.startsWith("/_next/static/")) {
      const csp = pageCsp(newNonce(), dev);
      req.headers["content-security-policy"] = csp;
      res.setHeader("Content-Security-Policy", csp);
    }

    await handle(req, res);
  }

  function onRequest(req: IncomingMessage, res: ServerResponse) {
    const started = performance.now();
    const path = routedPath(req.url ?? "/");
    const requestId = acceptRequestId(req.headers["x-request-id"]) ?? randomUUID();
    const clientIp = clientAddress(req, proxies);

    // Handlers read these; whatever the client sent under the same names is replaced.
    req.headers["x-request-id"] = requestId;
    req.headers["x-client-ip"] = clientIp;
    req.headers["x-forwarded-for"] = clientIp;
    if (!proxies) {
      delete req.headers["x-forwarded-host"];
      delete req.headers["x-forwarded-proto"];
    }

    res.setHeader("X-Request-ID", requestId);
    for (const [name, value] of securityHeaders) {
      res.setHeader(name, value);
    }
    // Pages replace it with a nonce policy; every other answer, refusals included, keeps it.
    res.setHeader("Content-Security-Policy", strictCsp);
    if (isDraining()) {
      res.setHeader("Connection", "close");
    }

    inFlight++;
    res.once("close", () => {
      inFlight--;
      if (isDraining()) {
        server.closeIdleConnections();
      }
      if (path.startsWith("/_next/static/")) {
        return;
      }

      const status = res.statusCode;
      const line = {
        method: req.method,
        path,
        status_code: status,
        latency_ms: Math.round((performance.now() - started) * 10) / 10,
        request_id: requestId,
        client_ip: clientIp,
        ...(res.writableFinished ? {} : { aborted: true }),
      };
      if (status >= 500) {
        logger.error(line, "request");
      } else {
        logger.info(line, "request");
      }
    });

    route(req, res, path).catch((err) => {
      logger.error({ err, request_id: requestId }, "request.failed");
      if (!res.headersSent) {
        sendJson(req, res, 500, { detail: "Internal server error" });
      } else {
        res.destroy();
      }
    });
  }

  const server = createServer({ requestTimeout: 30_000 }, onRequest);
  server.keepAliveTimeout = 65_000;
  server.on("clientError", refuseMalformedRequest);

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(config.PORT, config.HOST, resolve);
  });
  logger.info({ host: config.HOST, port: config.PORT, dev }, "server.listening");

  // SIGTERM: readiness fails at once, the listener stays up for
  // SHUTDOWN_DELAY_MS so load balancers see it, then closes; the process
  // exits 0 when the last in-flight request is done. A second signal, or
  // SHUTDOWN_GRACE_MS running out, ends it at once.
  function shutdown(signal: string) {
    if (isDraining()) {
      logger.warn({ signal, in_flight: inFlight }, "shutdown.forced");
      process.exit(1);
    }

    startDraining();
    logger.info({ signal, in_flight: inFlight }, "shutdown.draining");
    setTimeout(() => {
      logger.error({ in_flight: inFlight }, "shutdown.grace_expired");
      process.exit(1);
    }, config.SHUTDOWN_GRACE_MS);

    setTimeout(() => {
      server.close(() => {
        logger.info("shutdown.complete");
        process.exit(0);
      });
      server.closeIdleConnections();
    }, config.SHUTDOWN_DELAY_MS);
  }

  process.on("SIGTERM", () => shutdown("SIGTERM"));
  process.on("SIGINT", () => shutdown("SIGINT"));

  return server;
}
