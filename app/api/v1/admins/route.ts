import { createAdmin, listAdmins } from "@/lib/auth/admins";
import { createAdminSchema } from "@/lib/auth/schemas";
import { apiRoute, methodNotAllowed, parseWith, requireAdmin } from "@/lib/http/api";
import { readJson } from "@/lib/http/body";

// GET /api/v1/admins: every admin account (never the hashes).
export const GET = apiRoute("default", async (request) => {
  await requireAdmin(request);

  return { admins: await listAdmins() };
});

// POST /api/v1/admins: add an admin. The password was chosen by someone else,
// so the new admin must replace it at first console login.
export const POST = apiRoute("default", async (request) => {
  await requireAdmin(request);
  const input = parseWith(createAdminSchema, await readJson(request));

  return Response.json(await createAdmin(input, true), { status: 201 });
});

const refused = methodNotAllowed(["GET", "POST"]);

export { refused as PUT, refused as PATCH, refused as DELETE };
