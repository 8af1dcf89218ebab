"use client";

import { useEffect, useRef } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import type { FormState } from "./form-state";

type Props = {
  state: FormState;
  action: (form: FormData) => void;
  pending: boolean;
  submit: string;
  pendingLabel: string;
  wide?: boolean;
  children: React.ReactNode;
};

// A form posting to a server action: its message on top, its fields disabled
// while the action runs, and a submit button that shows the progress. The
// server validates, so the browser's own checks are off. A refusal takes the
// focus, so keyboard and screen-reader users land on what went wrong.
export function ActionForm({ state, action, pending, submit, pendingLabel, ...rest }: Props) {
  const message = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (state.status === "error" && state.message) {
      message.current?.focus();
    }
  }, [state]);

  return (
    <form action={action} noValidate className="space-y-4">
      {state.message && (
        <div ref={message} tabIndex={-1} className="outline-none">
          <Alert tone={state.status === "ok" ? "success" : "error"}>{state.message}</Alert>
        </div>
      )}
      <fieldset disabled={pending} className="space-y-4">
        {rest.children}
      </fieldset>
      <Button
        type="submit"
        className={rest.wide ? "w-full" : ""}
        pending={pending}
        pendingLabel={pendingLabel}
      >
        {submit}
      </Button>
    </form>
  );
}
