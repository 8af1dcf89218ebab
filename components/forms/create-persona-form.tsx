"use client";

import { useActionState } from "react";
import { createPersonaAction } from "@/app/(console)/personas/actions";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { describedBy, Field } from "@/components/ui/field";
import { Input, Textarea } from "@/components/ui/input";
import { idle } from "./form-state";

export function CreatePersonaForm() {
  const [state, action, pending] = useActionState(createPersonaAction, idle);
  const errors = state.fieldErrors ?? {};

  return (
    <form action={action} noValidate className="space-y-4">
      {state.message && (
        <Alert tone={state.status === "ok" ? "success" : "error"}>{state.message}</Alert>
      )}
      <fieldset disabled={pending} className="space-y-4">
        <Field id="name" label="Name" hint="Letters, digits, '.', '_' and '-'." error={errors.name}>
          <Input
            id="name"
            name="name"
            required
            maxLength={64}
            defaultValue={state.values?.name}
            aria-invalid={errors.name ? true : undefined}
            aria-describedby={describedBy("name", true, errors.name)}
          />
        </Field>
        <Field id="description" label="Description (optional)" error={errors.description}>
          <Textarea
            id="description"
            name="description"
            rows={2}
            maxLength={500}
            defaultValue={state.values?.description}
            aria-invalid={errors.description ? true : undefined}
            aria-describedby={describedBy("description", false, errors.description)}
          />
        </Field>
      </fieldset>
      <Button type="submit" pending={pending} pendingLabel="Creating…">
        Create persona
      </Button>
    </form>
  );
}
