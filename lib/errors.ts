// One error type for everything the service layer refuses on purpose. The API
// turns it into `{ "detail": ... }` with its status; the console shows the
// detail next to the form. Anything else is a bug: logged, answered as a 500.
export type ErrorCode =
  | "bad_request"
  | "unauthorized"
  | "forbidden"
  | "not_found"
  | "method_not_allowed"
  | "conflict"
  | "payload_too_large"
  | "unsupported_media_type"
  | "rate_limited"
  | "unavailable";

const statusByCode: Record<ErrorCode, number> = {
  bad_request: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  method_not_allowed: 405,
  conflict: 409,
  payload_too_large: 413,
  unsupported_media_type: 415,
  rate_limited: 429,
  unavailable: 503,
};

// The front server (loaded by tsx) and the Next bundle each have their own copy
// of this class, and process-wide singletons (the database client) throw the
// copy that created them: `instanceof` checks a brand, not the copy.
const brand = Symbol.for("agent-console.AppError");

export class AppError extends Error {
  readonly status: number;

  static [Symbol.hasInstance](value: unknown): boolean {
    return typeof value === "object" && value !== null && brand in value;
  }

  constructor(
    readonly code: ErrorCode,
    readonly detail: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(detail);
    this.name = "AppError";
    this.status = statusByCode[code];
    Object.defineProperty(this, brand, { value: true });
  }
}

export const credentialsError = () =>
  new AppError("unauthorized", "Could not validate credentials", {
    "WWW-Authenticate": "Bearer",
  });

type Issue = { path: PropertyKey[]; message: string };

// "field.sub: message; other: message", for a zod failure in a `detail`.
export function describeIssues(issues: Issue[]): string {
  return issues
    .map((issue) => {
      const where = issue.path.map(String).join(".");

      return where ? `${where}: ${issue.message}` : issue.message;
    })
    .join("; ");
}
