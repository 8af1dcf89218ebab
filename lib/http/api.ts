import type { z } from "zod";
import { adminForSession } from "@/lib/auth/admins";
import { bearerToken, readToken } from "@/lib/auth/tokens";
import type { Admin } from "@/lib/db/schema";
import { AppError, describeIssues } from "@/lib/errors";
import { log } from "@/lib/log";
import { consume, type LimitKind } from "./rate-limit";

export type RequestContext = {
  requestId: string;
  clientIp: string;
  params: Record<string, string | string[]>;
};

type Result = Response | object;
type Handler = (request: Request, context: RequestContext) => Promise<Result>;
type RouteContext = { params?: Promise<Record<string, string | string[]>> };

// The front server stamps both headers on every request, replacing anything a
// client sent; the fallbacks only matter when Next runs without it.
function requestContext(headers: Headers) {
  return {
    requestId: headers.get("x-request-id") ?? "unknown",
    clientIp: headers.get("x-client-ip") ?? "unknown",
  };
}

// The ORM wraps what the database client throws, a refusal of the db layer too.
function unwrap(failure: unknown) {
  if (failure instanceof Error && failure.cause instanceof AppError) {
    return failure.cause;
  }

  return failure;
}

function errorResponse(failure: unknown, requestId: string, extra: Record<string, string>) {
  const error = unwrap(failure);
  if (error instanceof AppError) {
    return Response.json(
      { detail: error.detail },
      {
        status: error.status,
        headers: { ...extra, ...error.headers, "Cache-Control": "no-store" },
      },
    );
  }

  log().error({ err: error, request_id: requestId }, "request.failed");

  return Response.json(
    { detail: "Internal server error" },
    { status: 500, headers: { ...extra, "Cache-Control": "no-store" } },
  );
}

// Every API route is: take a point from the caller's rate budget, run the
// handler, answer JSON; refusals become `{ "detail": ... }` with their status.
export function apiRoute(limit: LimitKind, handler: Handler) {
  return async (request: Request, route: RouteContext = {}) => {
    const { requestId, clientIp } = requestContext(request.headers);
    let quota: Record<string, string> = {};
    try {
      quota = await consume(limit, clientIp);
      const params = (await route.params) ?? {};
      const result = await handler(request, { requestId, clientIp, params });
      const response = result instanceof Response ? result : Response.json(result);
      for (const [name, value] of Object.entries(quota)) {
        response.headers.set(name, value);
      }
      response.headers.set("Cache-Control", "no-store");

      return response;
    } catch (error) {
      return errorResponse(error, requestId, quota);
    }
  };
}

// Next answers a method a route file does not export with an empty 405; a
// route exports this for the other methods instead, to say what it does take.
export function methodNotAllowed(allowed: string[]) {
  const headers = { Allow: allowed.join(", ") };

  return async (request: Request) => {
    const refusal = new AppError("method_not_allowed", "Method Not Allowed", headers);

    return errorResponse(refusal, requestContext(request.headers).requestId, {});
  };
}

export async function requireAdmin(request: Request): Promise<Admin> {
  const claims = await readToken(bearerToken(request.headers.get("authorization")));

  return adminForSession(claims.sub, claims.ver);
}

export function parseWith<T extends z.ZodType>(schema: T, input: unknown): z.infer<T> {
  const parsed = schema.safeParse(input);
  if (!parsed.success) {
    throw new AppError("bad_request", describeIssues(parsed.error.issues));
  }

  return parsed.data;
}
