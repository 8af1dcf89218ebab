"use server";

import { AuthError, CredentialsSignin } from "next-auth";
import { redirect } from "next/navigation";
import { refused, retryMessage, textFields } from "@/app/_server/form-result";
import type { FormState } from "@/components/forms/form-state";
import { LoginRateLimited, signIn } from "@/lib/auth/auth";
import { clientIp } from "@/lib/auth/console-session";
import { safeNextPath } from "@/lib/auth/next-path";
import { loginSchema } from "@/lib/auth/schemas";
import { AppError } from "@/lib/errors";
import { consume } from "@/lib/http/rate-limit";
import { log } from "@/lib/log";

const badCredentials = "Incorrect username or password.";

// Console logins draw on the same per-client budget as POST /api/v1/auth/token,
// then on the per-account failure budget inside login().
export async function loginAction(_previous: FormState, form: FormData): Promise<FormState> {
  const values = textFields(form, ["username"]);
  const ip = await clientIp();
  try {
    await consume("auth", ip);
  } catch (error) {
    return refused(error, values);
  }

  const parsed = loginSchema.safeParse({ ...values, password: form.get("password") });
  if (!parsed.success) {
    return { status: "error", message: "Enter your username and password.", values };
  }

  try {
    await signIn("credentials", { ...parsed.data, redirect: false });
  } catch (error) {
    return signInRefused(error, values, ip);
  }

  log().info({ username: parsed.data.username, client_ip: ip }, "console.login");
  redirect(safeNextPath(form.get("next")));
}

function signInRefused(error: unknown, values: Record<string, string>, ip: string): FormState {
  if (error instanceof LoginRateLimited) {
    return { status: "error", message: retryMessage(error.refusal), values };
  }

  if (error instanceof CredentialsSignin) {
    // The attempted username is not logged: people type passwords into it.
    log().warn({ client_ip: ip }, "console.login_failed");

    return { status: "error", message: badCredentials, values };
  }

  const cause = error instanceof AuthError ? error.cause?.err : undefined;
  if (cause instanceof AppError) {
    return refused(cause, values);
  }

  throw error;
}
