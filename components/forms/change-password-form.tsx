"use client";

import { useActionState } from "react";
import { changePasswordAction } from "@/app/(console)/account/password/actions";
import { MIN_PASSWORD_LENGTH } from "@/lib/auth/schemas";
import { ActionForm } from "./action-form";
import { idle } from "./form-state";
import { TextField } from "./text-field";

const hint = `At least ${MIN_PASSWORD_LENGTH} characters and at most 72 bytes (bcrypt's limit).`;

export function ChangePasswordForm({ username }: { username: string }) {
  const [state, action, pending] = useActionState(changePasswordAction, idle);
  const password = { state, type: "password", required: true };

  return (
    <ActionForm {...{ state, action, pending }} submit="Change password" pendingLabel="Changing…">
      {/* For password managers: which account this new password belongs to. */}
      <input
        type="text"
        name="username"
        value={username}
        autoComplete="username"
        readOnly
        hidden
      />
      <TextField
        name="current_password"
        label="Current password"
        autoComplete="current-password"
        {...password}
      />
      <TextField
        name="new_password"
        label="New password"
        hint={hint}
        minLength={MIN_PASSWORD_LENGTH}
        autoComplete="new-password"
        {...password}
      />
      <TextField
        name="confirm_password"
        label="New password again"
        minLength={MIN_PASSWORD_LENGTH}
        autoComplete="new-password"
        {...password}
      />
    </ActionForm>
  );
}
