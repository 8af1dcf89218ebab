import { FieldError } from "@/components/ui/field";

type Props = {
  id: string;
  legend: string;
  hint?: string;
  error?: string;
  children: React.ReactNode;
};

// A labelled group of controls that together make one setting.
export function FieldGroup({ id, legend, hint, error, children }: Props) {
  return (
    <fieldset className="space-y-1.5">
      <legend className="text-sm font-medium">{legend}</legend>
      {children}
      {hint && (
        <p id={`${id}-hint`} className="text-xs text-slate-500 dark:text-slate-400">
          {hint}
        </p>
      )}
      <FieldError id={id} error={error} />
    </fieldset>
  );
}
