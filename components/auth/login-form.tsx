"use client";

import { useActionState } from "react";
import { loginAction } from "@/app/login/actions";
import { ActionForm } from "@/components/forms/action-form";
import { idle } from "@/components/forms/form-state";
import { TextField } from "@/components/forms/text-field";

export function LoginForm({ next }: { next: string }) {
  const [state, action, pending] = useActionState(loginAction, idle);

  return (
    <ActionForm {...{ state, action, pending }} submit="Sign in" pendingLabel="Signing in…" wide>
      <input type="hidden" name="next" value={next} />
      <TextField
        name="username"
        label="Username"
        state={state}
        autoComplete="username"
        required
        autoFocus
      />
      <TextField
        name="password"
        label="Password"
        state={state}
        type="password"
        autoComplete="current-password"
        required
      />
    </ActionForm>
  );
}
