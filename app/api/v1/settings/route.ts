import { apiRoute, methodNotAllowed, parseWith, requireAdmin } from "@/lib/http/api";
import { readJson } from "@/lib/http/body";
import { settingUpdateSchema } from "@/lib/settings/schema";
import { getSettings, updateSetting } from "@/lib/settings/service";

// GET /api/v1/settings?persona_id=...: one persona's whole config.
export const GET = apiRoute("default", async (request) => {
  await requireAdmin(request);
  const personaId = new URL(request.url).searchParams.get("persona_id");

  return getSettings(personaId);
});

// POST /api/v1/settings: set one allowed key of one persona's config.
export const POST = apiRoute("default", async (request) => {
  await requireAdmin(request);
  const input = parseWith(settingUpdateSchema, await readJson(request));

  return updateSetting(input.persona_id, input.key, input.value);
});

// DELETE comes with the console's "reset a setting" work.
const refused = methodNotAllowed(["GET", "POST", "DELETE"]);

export { refused as PUT, refused as PATCH };
