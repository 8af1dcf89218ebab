// The floor's liveness: a bare route handler with a constant body, rendered
// per request like ours (no static prerendering, no middleware).
export const dynamic = "force-dynamic";

export function GET() {
  return Response.json({ status: "ok" });
}
