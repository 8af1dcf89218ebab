import type { Duplex } from "node:stream";
import { log } from "@/lib/log";
import { securityHeaders, strictCsp } from "./headers";

const refusals: Record<string, [number, string]> = {
  HPE_HEADER_OVERFLOW: [431, "Request Header Fields Too Large"],
  ERR_HTTP_REQUEST_TIMEOUT: [408, "Request Timeout"],
};

// A request Node's parser refuses (a control character in a header, a broken
// request line, headers too large) never reaches the request handler; Node's
// own answer is a bare 400. This one carries the security headers and the
// API's JSON body like every other answer, and leaves a log line.
export function refuseMalformedRequest(error: NodeJS.ErrnoException, socket: Duplex) {
  const written = (socket as Duplex & { bytesWritten?: number }).bytesWritten ?? 0;
  if (error.code === "ECONNRESET" || !socket.writable || written > 0) {
    socket.destroy();

    return;
  }

  const [status, reason] = refusals[error.code ?? ""] ?? [400, "Bad Request"];
  const body = JSON.stringify({ detail: reason });
  const headers = [
    ...securityHeaders,
    ["Content-Security-Policy", strictCsp],
    ["Content-Type", "application/json"],
    ["Content-Length", String(Buffer.byteLength(body))],
    ["Cache-Control", "no-store"],
    ["Connection", "close"],
  ];
  const head = headers.map(([name, value]) => `${name}: ${value}\r\n`).join("");
  socket.end(`HTTP/1.1 ${status} ${reason}\r\n${head}\r\n${body}`);
  log().info({ status_code: status, error: error.code }, "request.malformed");
}
