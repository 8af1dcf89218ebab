import { changePassword } from "@/lib/auth/admins";
import { changePasswordSchema } from "@/lib/auth/schemas";
import { apiRoute, methodNotAllowed, parseWith, requireAdmin } from "@/lib/http/api";
import { readJson } from "@/lib/http/body";

// POST /api/v1/auth/password: change the caller's password. Every token and
// console session issued before the change stops working.
export const POST = apiRoute("auth", async (request) => {
  const admin = await requireAdmin(request);
  const input = parseWith(changePasswordSchema, await readJson(request));
  await changePassword(admin.username, input.current_password, input.new_password);

  return { username: admin.username, password_changed: true };
});

const refused = methodNotAllowed(["POST"]);

export { refused as GET, refused as PUT, refused as PATCH, refused as DELETE };
