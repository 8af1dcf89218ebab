import { format, stripVTControlCharacters } from "node:util";
import pino, { type Logger } from "pino";
import { processWide } from "@/lib/process-wide";

const instance = processWide<Logger>("logger");

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

// A failed query's error text ends with its bound values, which may be a
// password hash or a token: keep the SQL, drop the values.
function withoutQueryValues(text: string) {
  return text.replace(/\nparams: [^\n]*/g, "\nparams: [redacted]");
}

function serializeError(error: unknown) {
  if (!(error instanceof Error)) {
    return error;
  }

  const serialized = pino.stdSerializers.err(error);
  serialized.message = withoutQueryValues(serialized.message);
  serialized.stack = withoutQueryValues(serialized.stack);

  return serialized;
}

function create(): Logger {
  return pino({
    level: process.env.LOG_LEVEL || "info",
    base: undefined,
    messageKey: "message",
    redact,
    serializers: { err: serializeError },
    timestamp: () => `,"timestamp":"${new Date().toISOString()}"`,
    formatters: {
      level: (label) => ({ level: label.toUpperCase() }),
    },
  });
}

// One logger per process, shared by the front server and the Next bundle, so
// their lines never interleave on stdout.
export function log(): Logger {
  return instance.get(create);
}

type ConsoleLevel = "debug" | "info" | "warn" | "error";

// Next and some libraries print with console.*; routed through pino, stdout
// stays one JSON object per line, and a stack lands under `err` instead of
// spreading over a dozen loose lines.
export function captureConsole() {
  const logger = log();
  const forward = (level: ConsoleLevel) => (...args: unknown[]) => {
    const err = args.find((arg) => arg instanceof Error);
    const rest = args.filter((arg) => arg !== err);
    const text = stripVTControlCharacters(format(...rest)).trim();
    logger[level](err ? { err } : {}, text || (err as Error | undefined)?.message || "");
  };

  console.debug = forward("debug");
  console.log = forward("info");
  console.info = forward("info");
  console.warn = forward("warn");
  console.error = forward("error");
}
