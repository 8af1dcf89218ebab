import { apiRoute, methodNotAllowed, parseWith, requireAdmin } from "@/lib/http/api";
import { readJson } from "@/lib/http/body";
import { settingUpdateSchema } from "@/lib/settings/schema";
import { deleteSetting, getSettings, updateSetting } from "@/lib/settings/service";

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

// DELETE /api/v1/settings?persona_id=...&key=...: remove one key, so the
// agent's default applies again.
export const DELETE = apiRoute("default", async (request) => {
  await requireAdmin(request);
  const query = new URL(request.url).searchParams;

  return deleteSetting(query.get("persona_id"), query.get("key") ?? "");
});

const refused = methodNotAllowed(["GET", "POST", "DELETE"]);

export { refused as PUT, refused as PATCH };
