"use client";

import { useActionState } from "react";
import { createPersonaAction } from "@/app/(console)/personas/actions";
import { ActionForm } from "./action-form";
import { idle } from "./form-state";
import { TextField } from "./text-field";

export function CreatePersonaForm() {
  const [state, action, pending] = useActionState(createPersonaAction, idle);

  return (
    <ActionForm {...{ state, action, pending }} submit="Create persona" pendingLabel="Creating…">
      <TextField
        name="name"
        label="Name"
        hint="Letters, digits, '.', '_' and '-'."
        state={state}
        required
        maxLength={64}
      />
      <TextField
        name="description"
        label="Description (optional)"
        state={state}
        rows={2}
        maxLength={500}
      />
    </ActionForm>
  );
}
