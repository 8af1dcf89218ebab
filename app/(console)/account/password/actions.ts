"use server";

import { AuthError } from "next-auth";
import { redirect } from "next/navigation";
import { invalid, refused } from "@/app/_server/form-result";
import type { FormState } from "@/components/forms/form-state";
import { changePassword } from "@/lib/auth/admins";
import { signIn } from "@/lib/auth/auth";
import { clientIp, PASSWORD_PAGE, requireConsoleAdmin } from "@/lib/auth/console-session";
import { loginPath } from "@/lib/auth/next-path";
import { changePasswordSchema } from "@/lib/auth/schemas";
import { consume } from "@/lib/http/rate-limit";
import { log } from "@/lib/log";

const mismatch: FormState = {
  status: "error",
  message: "Please correct the marked fields.",
  fieldErrors: { confirm_password: "The two new passwords differ." },
};

// Checking the current password is a password guess like a login, so it
// spends from the same per-client budget as POST /api/v1/auth/password.
export async function changePasswordAction(
  _previous: FormState,
  form: FormData,
): Promise<FormState> {
  const admin = await requireConsoleAdmin(PASSWORD_PAGE, { passwordChange: true });
  try {
    await consume("auth", await clientIp());
  } catch (error) {
    return refused(error);
  }

  const parsed = changePasswordSchema.safeParse({
    current_password: form.get("current_password"),
    new_password: form.get("new_password"),
  });
  if (!parsed.success) {
    return invalid(parsed.error.issues, {});
  }

  if (form.get("confirm_password") !== parsed.data.new_password) {
    return mismatch;
  }

  try {
    await changePassword(admin.username, parsed.data.current_password, parsed.data.new_password);
  } catch (error) {
    return refused(error);
  }

  log().info({ username: admin.username }, "console.password_changed");
  await renewSession(admin.username, parsed.data.new_password);
  if (admin.mustChangePassword) {
    redirect("/");
  }

  return {
    status: "ok",
    message: "Password changed. Your other sessions and API tokens have ended.",
  };
}

// The change ended every session issued before it, this one too; a fresh
// sign-in with the new password keeps the admin here.
async function renewSession(username: string, password: string) {
  try {
    await signIn("credentials", { username, password, redirect: false });
  } catch (error) {
    if (error instanceof AuthError) {
      redirect(loginPath(PASSWORD_PAGE));
    }

    throw error;
  }
}
