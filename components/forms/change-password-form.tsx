"use client";

import { useActionState } from "react";
import { changePasswordAction } from "@/app/(console)/account/password/actions";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { describedBy, Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { MIN_PASSWORD_LENGTH } from "@/lib/auth/schemas";
import { idle } from "./form-state";

const fields = [
  { name: "current_password", label: "Current password", autoComplete: "current-password" },
  { name: "new_password", label: "New password", autoComplete: "new-password" },
  { name: "confirm_password", label: "New password again", autoComplete: "new-password" },
];

const hint = `At least ${MIN_PASSWORD_LENGTH} characters and at most 72 bytes (bcrypt's limit).`;

export function ChangePasswordForm() {
  const [state, action, pending] = useActionState(changePasswordAction, idle);
  const errors = state.fieldErrors ?? {};

  return (
    <form action={action} noValidate className="space-y-4">
      {state.message && (
        <Alert tone={state.status === "ok" ? "success" : "error"}>{state.message}</Alert>
      )}
      <fieldset disabled={pending} className="space-y-4">
        {fields.map((field) => {
          const fieldHint = field.name === "new_password" ? hint : undefined;

          return (
            <Field
              key={field.name}
              id={field.name}
              label={field.label}
              hint={fieldHint}
              error={errors[field.name]}
            >
              <Input
                id={field.name}
                name={field.name}
                type="password"
                required
                minLength={field.name === "current_password" ? undefined : MIN_PASSWORD_LENGTH}
                autoComplete={field.autoComplete}
                aria-invalid={errors[field.name] ? true : undefined}
                aria-describedby={describedBy(field.name, fieldHint, errors[field.name])}
              />
            </Field>
          );
        })}
      </fieldset>
      <Button type="submit" pending={pending} pendingLabel="Changing…">
        Change password
      </Button>
    </form>
  );
}
