"use client";

import { useActionState } from "react";
import { loginAction } from "@/app/login/actions";
import { idle } from "@/components/forms/form-state";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";

export function LoginForm({ next }: { next: string }) {
  const [state, action, pending] = useActionState(loginAction, idle);

  return (
    <form action={action} className="space-y-4">
      {state.message && <Alert tone="error">{state.message}</Alert>}
      <input type="hidden" name="next" value={next} />
      <Field id="username" label="Username">
        <Input
          id="username"
          name="username"
          autoComplete="username"
          required
          autoFocus
          defaultValue={state.values?.username}
          disabled={pending}
        />
      </Field>
      <Field id="password" label="Password">
        <Input
          id="password"
          name="password"
          type="password"
          autoComplete="current-password"
          required
          disabled={pending}
        />
      </Field>
      <Button type="submit" className="w-full" pending={pending} pendingLabel="Signing in…">
        Sign in
      </Button>
    </form>
  );
}
