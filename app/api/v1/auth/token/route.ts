import { z } from "zod";
import { login } from "@/lib/auth/login";
import { issueToken } from "@/lib/auth/tokens";
import { apiRoute, methodNotAllowed, parseWith } from "@/lib/http/api";
import { readForm } from "@/lib/http/body";
import { loginSchema } from "@/lib/auth/schemas";

// OAuth2 password grant: grant_type is optional but must say "password" if present.
const tokenForm = loginSchema.extend({
  grant_type: z.literal("password", "grant_type must be 'password'").optional(),
});

// POST /api/v1/auth/token: exchange username and password for a bearer token.
export const POST = apiRoute("auth", async (request) => {
  const form = parseWith(tokenForm, await readForm(request));
  const admin = await login(form.username, form.password);

  return issueToken(admin.username, admin.sessionVersion);
});

const refused = methodNotAllowed(["POST"]);

export { refused as GET, refused as PUT, refused as PATCH, refused as DELETE };
