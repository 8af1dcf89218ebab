import { and, eq, inArray, sql } from "drizzle-orm";
import { db } from "@/lib/db/client";
import { personaSettings } from "@/lib/db/schema";
import { AppError, describeIssues } from "@/lib/errors";
import { getPersonaOrThrow } from "@/lib/personas";
import {
  isSettingKey,
  personaConfigSchema,
  settingSchemas,
  type PersonaConfig,
  type SettingKey,
} from "./schema";

// Any key is echoed in the refusal, but never more than a line of it.
const MAX_ECHOED_KEY = 64;

function checkKey(key: string): SettingKey {
  if (!isSettingKey(key)) {
    const shown = key.length > MAX_ECHOED_KEY ? `${key.slice(0, MAX_ECHOED_KEY)}...` : key;
    throw new AppError("bad_request", `Setting key '${shown}' is not allowed`);
  }

  return key;
}

export function validateSetting(name: string, value: unknown) {
  const key = checkKey(name);
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

// Removes one key, so the persona falls back to the agent's default for it.
export async function deleteSetting(personaId: unknown, name: string) {
  const persona = await getPersonaOrThrow(personaId);
  const key = checkKey(name);
  const removed = await db()
    .delete(personaSettings)
    .where(and(eq(personaSettings.personaId, persona.id), eq(personaSettings.key, key)))
    .returning({ key: personaSettings.key });

  return { persona_id: persona.id, key, deleted: removed.length > 0 };
}

// Saves a whole form at once: every value and every cleared key is checked
// before anything is written, and the writes land together or not at all.
export async function updateSettings(
  personaId: unknown,
  config: unknown,
  cleared: string[] = [],
) {
  const parsed = personaConfigSchema.safeParse(config);
  if (!parsed.success) {
    throw new AppError("bad_request", describeIssues(parsed.error.issues));
  }

  const entries = Object.entries(parsed.data).filter(([, value]) => value !== undefined);
  const removed = [...new Set(cleared.map(checkKey))];
  const both = removed.find((key) => entries.some(([set]) => set === key));
  if (both) {
    throw new AppError("bad_request", `Setting '${both}' cannot be both set and cleared`);
  }

  const persona = await getPersonaOrThrow(personaId);
  const ofPersona = eq(personaSettings.personaId, persona.id);
  const deletes = removed.length > 0
    ? [db().delete(personaSettings).where(and(ofPersona, inArray(personaSettings.key, removed)))]
    : [];
  const writes = [...entries.map(([key, value]) => upsert(persona.id, key, value)), ...deletes];
  if (writes.length > 0) {
    const [first, ...rest] = writes;
    await db().batch([first, ...rest]);
  }

  return getSettings(persona.id);
}
