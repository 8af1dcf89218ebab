import { eq, sql } from "drizzle-orm";
import { db } from "@/lib/db/client";
import { personaSettings } from "@/lib/db/schema";
import { AppError, describeIssues } from "@/lib/errors";
import { getPersonaOrThrow } from "@/lib/personas";
import { isSettingKey, personaConfigSchema, settingSchemas, type PersonaConfig } from "./schema";

// Any key is echoed in the refusal, but never more than a line of it.
const MAX_ECHOED_KEY = 64;

export function validateSetting(key: string, value: unknown) {
  if (!isSettingKey(key)) {
    const shown = key.length > MAX_ECHOED_KEY ? `${key.slice(0, MAX_ECHOED_KEY)}...` : key;
    throw new AppError("bad_request", `Setting key '${shown}' is not allowed`);
  }

  const parsed = settingSchemas[key].safeParse(value);
  if (!parsed.success) {
    const problem = describeIssues(parsed.error.issues);
    throw new AppError("bad_request", `Invalid value for '${key}': ${problem}`);
  }

  return { key, value: parsed.data };
}

export async function getSettings(personaId: unknown) {
  const persona = await getPersonaOrThrow(personaId);
  const rows = await db()
    .select({ key: personaSettings.key, value: personaSettings.value })
    .from(personaSettings)
    .where(eq(personaSettings.personaId, persona.id));

  const config: Record<string, unknown> = {};
  for (const row of rows) {
    config[row.key] = JSON.parse(row.value);
  }

  return { persona_id: persona.id, config: config as PersonaConfig };
}

function upsert(personaId: string, key: string, value: unknown) {
  return db()
    .insert(personaSettings)
    .values({ personaId, key, value: JSON.stringify(value) })
    .onConflictDoUpdate({
      target: [personaSettings.personaId, personaSettings.key],
      set: { value: JSON.stringify(value), updatedAt: sql`(unixepoch('subsec') * 1000)` },
    });
}

export async function updateSetting(personaId: unknown, key: string, value: unknown) {
  const setting = validateSetting(key, value);
  const persona = await getPersonaOrThrow(personaId);
  await upsert(persona.id, setting.key, setting.value);

  return { persona_id: persona.id, key: setting.key, value: setting.value, updated: true };
}

// Saves a whole form at once: every value is checked before any is written,
// and the writes land together or not at all.
export async function updateSettings(personaId: unknown, config: unknown) {
  const parsed = personaConfigSchema.safeParse(config);
  if (!parsed.success) {
    throw new AppError("bad_request", describeIssues(parsed.error.issues));
  }

  const persona = await getPersonaOrThrow(personaId);
  const entries = Object.entries(parsed.data).filter(([, value]) => value !== undefined);
  if (entries.length > 0) {
    const [first, ...rest] = entries.map(([key, value]) => upsert(persona.id, key, value));
    await db().batch([first, ...rest]);
  }

  return getSettings(persona.id);
}
