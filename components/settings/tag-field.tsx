"use client";

import { Controller, type Control } from "react-hook-form";
import { describedBy, Field } from "@/components/ui/field";
import type { PersonaConfig } from "@/lib/settings/schema";
import { errorMessages } from "./fields";
import { TagInput } from "./tag-input";

type Props = {
  control: Control<PersonaConfig, unknown, PersonaConfig>;
  name: "target_subreddits" | "blocked_keywords";
  label: string;
  hint: string;
  // What one item is called, e.g. "subreddit".
  noun: string;
  normalize?: (text: string) => string;
};

// The items the schema refused, so their chips can be marked.
function invalidItems(error: unknown): Set<number> {
  return new Set(Array.isArray(error) ? error.flatMap((item, i) => (item ? [i] : [])) : []);
}

// A list setting: its tag input, and the schema's messages naming the items.
export function TagField({ control, name, label, hint, noun, normalize }: Props) {
  return (
    <Controller
      control={control}
      name={name}
      render={({ field, fieldState }) => {
        const error = errorMessages(fieldState.error, field.value).join(" ") || undefined;

        return (
          <Field id={name} label={label} hint={hint} error={error}>
            <TagInput
              id={name}
              noun={noun}
              value={field.value}
              onChange={field.onChange}
              onBlur={field.onBlur}
              normalize={normalize}
              invalid={invalidItems(fieldState.error)}
              describedBy={describedBy(name, hint, error)}
              placeholder={`Add a ${noun}`}
            />
          </Field>
        );
      }}
    />
  );
}
