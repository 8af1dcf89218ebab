import type { z } from "zod";
import type { FormState } from "@/components/forms/form-state";
import { AppError } from "@/lib/errors";

export function retryMessage(error: AppError): string {
  const seconds = Math.max(1, Number(error.headers["Retry-After"] ?? 60));

  return `Too many attempts. Try again in ${seconds} second${seconds === 1 ? "" : "s"}.`;
}

// A refusal from the service layer becomes the form's message; anything else
// is a bug and goes on to the error page.
export function refused(error: unknown, values?: Record<string, string>): FormState {
  if (!(error instanceof AppError)) {
    throw error;
  }

  const message = error.code === "rate_limited" ? retryMessage(error) : error.detail;

  return { status: "error", message, values };
}

// The first message for each field of a failed parse.
export function invalid(issues: z.core.$ZodIssue[], values: Record<string, string>): FormState {
  const fieldErrors: Record<string, string> = {};
  for (const issue of issues) {
    const field = String(issue.path[0] ?? "form");
    fieldErrors[field] ??= issue.message;
  }

  return { status: "error", message: "Please correct the marked fields.", fieldErrors, values };
}

// The named text fields of a form; passwords are left out on purpose so they
// are never sent back to the browser.
export function textFields(form: FormData, names: string[]): Record<string, string> {
  return Object.fromEntries(names.map((name) => [name, String(form.get(name) ?? "")]));
}
