"use server";

import { revalidatePath } from "next/cache";
import { invalid, refused, textFields } from "@/app/_server/form-result";
import type { FormState } from "@/components/forms/form-state";
import { createAdmin } from "@/lib/auth/admins";
import { requireConsoleAdmin } from "@/lib/auth/console-session";
import { createAdminSchema } from "@/lib/auth/schemas";
import { log } from "@/lib/log";

// A new admin starts with a password someone else chose, so the console asks
// them for their own at first login.
export async function addAdminAction(_previous: FormState, form: FormData): Promise<FormState> {
  const admin = await requireConsoleAdmin("/admins");
  const values = textFields(form, ["username", "full_name"]);
  const parsed = createAdminSchema.safeParse({ ...values, password: form.get("password") });
  if (!parsed.success) {
    return invalid(parsed.error.issues, values);
  }

  try {
    const added = await createAdmin(parsed.data, true);
    log().info({ username: admin.username, added: added.username }, "console.admin_added");
    revalidatePath("/admins");

    return { status: "ok", message: `Added admin "${added.username}".` };
  } catch (error) {
    return refused(error, values);
  }
}
