import { describedBy, Field } from "@/components/ui/field";
import { Input, Textarea } from "@/components/ui/input";
import type { FormState } from "./form-state";

type Props = React.InputHTMLAttributes<HTMLInputElement> & {
  name: string;
  label: string;
  hint?: string;
  state: FormState;
  rows?: number;
};

// One labelled text input of an ActionForm, showing the server's message for
// it and, after a refusal, what was typed (never for passwords: the server
// does not send those back).
export function TextField({ name, label, hint, state, rows, ...input }: Props) {
  const error = state.fieldErrors?.[name];
  const control = {
    id: name,
    name,
    defaultValue: state.values?.[name],
    "aria-invalid": error ? true : undefined,
    "aria-describedby": describedBy(name, hint, error),
  };

  return (
    <Field id={name} label={label} hint={hint} error={error}>
      {rows ? (
        <Textarea {...control} rows={rows} maxLength={input.maxLength} />
      ) : (
        <Input {...input} {...control} />
      )}
    </Field>
  );
}
