import { Switch } from "@/components/ui/switch";

type Props = React.ComponentProps<typeof Switch> & { id: string; label: string; hint: string };

export function SwitchField({ id, label, hint, ...input }: Props) {
  return (
    <div className="flex items-start justify-between gap-4">
      <div>
        <label htmlFor={id} className="block text-sm font-medium">
          {label}
        </label>
        <p id={`${id}-hint`} className="text-xs text-slate-500 dark:text-slate-400">
          {hint}
        </p>
      </div>
      <Switch id={id} aria-describedby={`${id}-hint`} {...input} />
    </div>
  );
}
