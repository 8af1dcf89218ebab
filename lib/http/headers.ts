import { randomBytes } from "node:crypto";

// Sent on every response, whoever answers it.
export const securityHeaders: [string, string][] = [
  ["X-Content-Type-Options", "nosniff"],
  ["X-Frame-Options", "DENY"],
  ["X-XSS-Protection", "1; mode=block"],
  ["Referrer-Policy", "strict-origin-when-cross-origin"],
  ["Permissions-Policy", "camera=(), microphone=(), geolocation=()"],
];

// JSON and assets need no scripts, styles or frames at all.
export const strictCsp = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'";

// Console pages: scripts only with this response's nonce (Next reads it from
// the request's CSP header and stamps it on its own script tags).
export function pageCsp(nonce: string, dev: boolean) {
  const scripts = `'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ""}`;

  return [
    "default-src 'self'",
    `script-src ${scripts}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    `connect-src 'self'${dev ? " ws:" : ""}`,
    "object-src 'none'",
    "frame-ancestors 'none'",
    "base-uri 'self'",
    "form-action 'self'",
  ].join("; ");
}

export function newNonce() {
  return randomBytes(16).toString("base64");
}

const saneRequestId = /^[A-Za-z0-9._:-]{1,128}$/;

export function acceptRequestId(value: string | string[] | undefined): string | undefined {
  return typeof value === "string" && saneRequestId.test(value) ? value : undefined;
}
