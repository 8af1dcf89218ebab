"use client";

import { useActionState } from "react";
import { addAdminAction } from "@/app/(console)/admins/actions";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { describedBy, Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { MIN_PASSWORD_LENGTH } from "@/lib/auth/schemas";
import { idle } from "./form-state";

export function AddAdminForm() {
  const [state, action, pending] = useActionState(addAdminAction, idle);
  const errors = state.fieldErrors ?? {};
  const invalid = (name: string) => (errors[name] ? true : undefined);

  return (
    <form action={action} noValidate className="space-y-4">
      {state.message && (
        <Alert tone={state.status === "ok" ? "success" : "error"}>{state.message}</Alert>
      )}
      <fieldset disabled={pending} className="space-y-4">
        <Field id="username" label="Username" error={errors.username}>
          <Input
            id="username"
            name="username"
            required
            minLength={3}
            maxLength={64}
            autoComplete="off"
            defaultValue={state.values?.username}
            aria-invalid={invalid("username")}
            aria-describedby={describedBy("username", false, errors.username)}
          />
        </Field>
        <Field id="full_name" label="Full name (optional)" error={errors.full_name}>
          <Input
            id="full_name"
            name="full_name"
            maxLength={128}
            defaultValue={state.values?.full_name}
            aria-invalid={invalid("full_name")}
            aria-describedby={describedBy("full_name", false, errors.full_name)}
          />
        </Field>
        <Field
          id="password"
          label="First password"
          hint={`At least ${MIN_PASSWORD_LENGTH} characters. They choose their own at first login.`}
          error={errors.password}
        >
          <Input
            id="password"
            name="password"
            type="password"
            required
            minLength={MIN_PASSWORD_LENGTH}
            autoComplete="new-password"
            aria-invalid={invalid("password")}
            aria-describedby={describedBy("password", true, errors.password)}
          />
        </Field>
      </fieldset>
      <Button type="submit" pending={pending} pendingLabel="Adding…">
        Add admin
      </Button>
    </form>
  );
}
