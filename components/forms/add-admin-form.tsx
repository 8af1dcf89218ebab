"use client";

import { useActionState } from "react";
import { addAdminAction } from "@/app/(console)/admins/actions";
import { MIN_PASSWORD_LENGTH } from "@/lib/auth/schemas";
import { ActionForm } from "./action-form";
import { idle } from "./form-state";
import { TextField } from "./text-field";

const passwordHint =
  `At least ${MIN_PASSWORD_LENGTH} characters. They choose their own at first login.`;

export function AddAdminForm() {
  const [state, action, pending] = useActionState(addAdminAction, idle);

  return (
    <ActionForm {...{ state, action, pending }} submit="Add admin" pendingLabel="Adding…">
      <TextField
        name="username"
        label="Username"
        state={state}
        required
        minLength={3}
        maxLength={64}
        autoComplete="off"
      />
      <TextField name="full_name" label="Full name (optional)" state={state} maxLength={128} />
      <TextField
        name="password"
        label="First password"
        hint={passwordHint}
        state={state}
        type="password"
        required
        minLength={MIN_PASSWORD_LENGTH}
        autoComplete="new-password"
      />
    </ActionForm>
  );
}
