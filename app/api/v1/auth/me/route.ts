import { apiRoute, methodNotAllowed, requireAdmin } from "@/lib/http/api";

// GET /api/v1/auth/me: who the bearer token belongs to.
export const GET = apiRoute("default", async (request) => {
  const admin = await requireAdmin(request);

  return { username: admin.username, full_name: admin.fullName };
});

const refused = methodNotAllowed(["GET"]);

export { refused as POST, refused as PUT, refused as PATCH, refused as DELETE };
