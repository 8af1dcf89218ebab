import { apiRoute, methodNotAllowed, parseWith, requireAdmin } from "@/lib/http/api";
import { readJson } from "@/lib/http/body";
import { createPersona, listPersonas } from "@/lib/personas";
import { createPersonaSchema } from "@/lib/settings/schema";

// GET /api/v1/personas: every persona, oldest first.
export const GET = apiRoute("default", async (request) => {
  await requireAdmin(request);

  return { personas: await listPersonas() };
});

// POST /api/v1/personas: create a persona with no settings.
export const POST = apiRoute("default", async (request) => {
  await requireAdmin(request);
  const input = parseWith(createPersonaSchema, await readJson(request));

  return Response.json(await createPersona(input), { status: 201 });
});

const refused = methodNotAllowed(["GET", "POST"]);

export { refused as PUT, refused as PATCH, refused as DELETE };
