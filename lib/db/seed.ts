import { createAdmin, findAdmin } from "@/lib/auth/admins";
import { verifyPassword } from "@/lib/auth/password";
import { env } from "@/lib/config/env";
import { AppError } from "@/lib/errors";
import { log } from "@/lib/log";
import { createPersona, listPersonas } from "@/lib/personas";
import { updateSettings } from "@/lib/settings/service";

export const DEFAULT_ADMIN = "admin";
export const DEFAULT_PASSWORD = "changeme123";

function ignoreConflict(error: unknown) {
  // Another instance seeding the same database at the same moment got there first.
  if (!(error instanceof AppError && error.code === "conflict")) {
    throw error;
  }
}

// The first admin, with ADMIN_PASSWORD or the well-known default. An admin
// created with the default must pick a new password in the console.
export async function seedAdmin() {
  const configured = env().ADMIN_PASSWORD;
  if (!(await findAdmin(DEFAULT_ADMIN))) {
    const password = configured ?? DEFAULT_PASSWORD;
    const created = await createAdmin(
      { username: DEFAULT_ADMIN, full_name: "Admin User", password },
      configured === undefined,
    ).catch(ignoreConflict);
    if (created) {
      log().info({ username: DEFAULT_ADMIN }, "seed.admin_created");
    }
  }

  const admin = await findAdmin(DEFAULT_ADMIN);
  if (admin && (await verifyPassword(DEFAULT_PASSWORD, admin.hashedPassword))) {
    log().warn(
      { username: DEFAULT_ADMIN },
      "seed.default_password_in_use: the admin still has the runbook's default password; " +
        "change it in the console or with `npm run admin:password`",
    );
  }
}

// One persona to start from, configured from TARGET_SUBREDDITS and
// AUTO_POSTING_ENABLED when those are set.
export async function seedDefaultPersona() {
  if ((await listPersonas()).length > 0) {
    return;
  }

  const persona = await createPersona({ name: "default" }).catch(ignoreConflict);
  if (!persona) {
    return;
  }

  const { TARGET_SUBREDDITS, AUTO_POSTING_ENABLED } = env();
  await updateSettings(persona.id, {
    target_subreddits: TARGET_SUBREDDITS,
    auto_posting_enabled: AUTO_POSTING_ENABLED,
  });
  log().info({ persona_id: persona.id }, "seed.persona_created");
}
