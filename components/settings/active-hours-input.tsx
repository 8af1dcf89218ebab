"use client";

import { Input, Select } from "@/components/ui/input";
import type { PersonaConfig } from "@/lib/settings/schema";

type ActiveHours = NonNullable<PersonaConfig["active_hours"]>;

type Props = {
  value: ActiveHours | undefined;
  onChange: (value: ActiveHours | undefined) => void;
  onBlur: () => void;
  timeZones: string[];
  describedBy?: string;
  invalid?: boolean;
};

const empty: ActiveHours = { start: "", end: "", timezone: "" };

// Start and end times with a time zone. All three empty means "no window";
// any one filled asks for the other two (the schema says which is missing).
export function ActiveHoursInput({ value, onChange, onBlur, timeZones, ...rest }: Props) {
  const current = value ?? empty;

  function set(part: keyof ActiveHours, text: string) {
    const next = { ...current, [part]: text };
    onChange(next.start || next.end || next.timezone ? next : undefined);
  }

  const common = {
    onBlur,
    "aria-describedby": rest.describedBy,
    "aria-invalid": rest.invalid || undefined,
  };

  return (
    <div className="grid gap-3 sm:grid-cols-3">
      <label className="space-y-1 text-sm">
        <span className="block text-slate-600 dark:text-slate-400">From</span>
        <Input
          type="time"
          value={current.start}
          onChange={(e) => set("start", e.target.value)}
          {...common}
        />
      </label>
      <label className="space-y-1 text-sm">
        <span className="block text-slate-600 dark:text-slate-400">Until</span>
        <Input
          type="time"
          value={current.end}
          onChange={(e) => set("end", e.target.value)}
          {...common}
        />
      </label>
      <label className="space-y-1 text-sm">
        <span className="block text-slate-600 dark:text-slate-400">Time zone</span>
        <Select
          value={current.timezone}
          onChange={(e) => set("timezone", e.target.value)}
          {...common}
        >
          <option value="">Choose a time zone</option>
          {timeZones.map((zone) => (
            <option key={zone} value={zone}>
              {zone}
            </option>
          ))}
        </Select>
      </label>
    </div>
  );
}
