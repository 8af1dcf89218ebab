import { FieldNotes } from "@/components/ui/field";

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
      <FieldNotes id={id} hint={hint} error={error} />
    </fieldset>
  );
}
