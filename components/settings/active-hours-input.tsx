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

const times = [
  ["start", "From"],
  ["end", "Until"],
] as const;

function Part({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <label className="space-y-1 text-sm">
      <span className="block text-slate-600 dark:text-slate-400">{label}</span>
      {children}
    </label>
  );
}

// Start and end times with a time zone. All three empty means "no window";
// any one filled asks for the other two (the schema says which is missing).
export function ActiveHoursInput({ value, onChange, onBlur, timeZones, ...rest }: Props) {
  const current = value ?? empty;
  // A zone the server accepts but this list lacks (e.g. Etc/GMT+5) still shows.
  const zones =
    current.timezone && !timeZones.includes(current.timezone)
      ? [current.timezone, ...timeZones]
      : timeZones;

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
      {times.map(([part, label]) => (
        <Part key={part} label={label}>
          <Input
            type="time"
            value={current[part]}
            onChange={(e) => set(part, e.target.value)}
            {...common}
          />
        </Part>
      ))}
      <Part label="Time zone">
        <Select
          value={current.timezone}
          onChange={(e) => set("timezone", e.target.value)}
          {...common}
        >
          <option value="">Choose a time zone</option>
          {zones.map((zone) => (
            <option key={zone} value={zone}>
              {zone}
            </option>
          ))}
        </Select>
      </Part>
    </div>
  );
}
