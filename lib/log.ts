import pino, { type Logger } from "pino";

const slot = Symbol.for("agent-console.logger");
const registry = globalThis as unknown as Record<symbol, Logger | undefined>;

// Keys that may hold a secret anywhere in a logged object.
const redact = {
  paths: [
    "password",
    "*.password",
    "current_password",
    "new_password",
    "token",
    "access_token",
    "authorization",
    "*.authorization",
    "headers.cookie",
    "*.headers.cookie",
  ],
  censor: "[redacted]",
};

function create(): Logger {
  return pino({
    level: process.env.LOG_LEVEL || "info",
    base: undefined,
    messageKey: "message",
    redact,
    timestamp: () => `,"timestamp":"${new Date().toISOString()}"`,
    formatters: {
      level: (label) => ({ level: label.toUpperCase() }),
    },
  });
}

// One logger per process, shared by the front server and the Next bundle, so
// their lines never interleave on stdout.
export function log(): Logger {
  registry[slot] ??= create();

  return registry[slot];
}
