import { settingSchemas, type SettingKey } from "@/lib/settings/schema";

type NumberKey = {
  [K in SettingKey]: (typeof settingSchemas)[K] extends { minValue: number | null } ? K : never;
}[SettingKey];

export type NumberField = { key: NumberKey; label: string; step: number; hint?: string };

// Bounds come from the schema the server validates with, so the two agree.
export function bounds(key: NumberKey) {
  const schema = settingSchemas[key];

  return { min: schema.minValue ?? undefined, max: schema.maxValue ?? undefined };
}

export const postingNumbers: NumberField[] = [
  { key: "max_posts_per_day", label: "Posts per day, at most", step: 1 },
  { key: "max_comments_per_day", label: "Comments per day, at most", step: 1 },
  { key: "posting_interval_minutes", label: "Minutes between posts", step: 1 },
];

export const modelNumbers: NumberField[] = [
  { key: "llm_temperature", label: "Temperature", step: 0.1, hint: "Higher is more varied." },
  { key: "daily_llm_budget_usd", label: "Daily LLM budget (USD)", step: 0.01 },
];

// An emptied input clears its setting; one never set stays unset.
export function numberOrUnset(value: unknown) {
  return value === "" || value === null || value === undefined ? undefined : Number(value);
}

export function textOrUnset(value: unknown) {
  return typeof value === "string" && value.trim() === "" ? undefined : value;
}

// Messages of a field's error, whatever its shape: one message, or one per
// item of a list (prefixed with the item), or one per part of an object.
export function errorMessages(error: unknown, items?: string[]): string[] {
  if (!error || typeof error !== "object") {
    return [];
  }

  if (Array.isArray(error)) {
    return error.flatMap((item, index) => {
      const prefix = items?.[index] !== undefined ? `"${items[index]}": ` : "";

      return errorMessages(item).map((message) => prefix + message);
    });
  }

  const record = error as Record<string, unknown>;
  if (typeof record.message === "string" && record.message) {
    return [record.message];
  }

  return Object.entries(record)
    .filter(([key]) => key !== "ref" && key !== "type")
    .flatMap(([, value]) => errorMessages(value, items));
}
