"use server";

import { revalidatePath } from "next/cache";
import { invalid, refused, textFields } from "@/app/_server/form-result";
import type { FormState } from "@/components/forms/form-state";
import type { SaveResult } from "@/components/settings/save-result";
import { requireConsoleAdmin } from "@/lib/auth/console-session";
import { AppError } from "@/lib/errors";
import { log } from "@/lib/log";
import { createPersona } from "@/lib/personas";
import { createPersonaSchema } from "@/lib/settings/schema";
import { updateSettings } from "@/lib/settings/service";

export async function createPersonaAction(
  _previous: FormState,
  form: FormData,
): Promise<FormState> {
  const admin = await requireConsoleAdmin("/personas");
  const values = textFields(form, ["name", "description"]);
  const parsed = createPersonaSchema.safeParse(values);
  if (!parsed.success) {
    return invalid(parsed.error.issues, values);
  }

  try {
    const persona = await createPersona(parsed.data);
    log().info({ username: admin.username, persona_id: persona.id }, "console.persona_created");
    revalidatePath("/personas");

    return { status: "ok", message: `Created persona "${persona.name}".` };
  } catch (error) {
    return refused(error, values);
  }
}

// The whole form at once: updateSettings checks every value and cleared key
// before writing any, so a refused save leaves the stored settings as they were.
export async function saveSettingsAction(
  personaId: string,
  config: unknown,
  cleared: unknown,
): Promise<SaveResult> {
  const admin = await requireConsoleAdmin(`/personas/${encodeURIComponent(personaId)}`);
  try {
    const keys = Array.isArray(cleared) ? cleared.map(String) : [];
    const saved = await updateSettings(personaId, config, keys);
    log().info({ username: admin.username, persona_id: personaId }, "console.settings_saved");

    return { ok: true, config: saved.config };
  } catch (error) {
    if (error instanceof AppError) {
      return { ok: false, error: error.detail };
    }

    throw error;
  }
}
