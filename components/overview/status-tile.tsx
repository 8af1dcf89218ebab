import { Badge, type Tone } from "@/components/ui/badge";
import { panel } from "@/components/ui/card";

type Props = { label: string; tone: Tone; value: string; detail?: React.ReactNode };

export function StatusTile({ label, tone, value, detail }: Props) {
  return (
    <section aria-label={label} className={`${panel} p-4`}>
      <h2 className="text-sm font-medium text-slate-600 dark:text-slate-400">{label}</h2>
      <p className="mt-2">
        <Badge tone={tone}>{value}</Badge>
      </p>
      {detail && <p className="mt-2 text-xs text-slate-500 dark:text-slate-400">{detail}</p>}
    </section>
  );
}
