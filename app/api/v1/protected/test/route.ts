import { apiRoute, methodNotAllowed, requireAdmin } from "@/lib/http/api";

// GET /api/v1/protected/test: the smallest authenticated call, for smoke tests.
export const GET = apiRoute("default", async (request) => {
  const admin = await requireAdmin(request);

  return { message: `Hello ${admin.username}` };
});

const refused = methodNotAllowed(["GET"]);

export { refused as POST, refused as PUT, refused as PATCH, refused as DELETE };
