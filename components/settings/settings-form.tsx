"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useState } from "react";
import { Controller, useForm, type FieldErrors } from "react-hook-form";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { describedBy, Field } from "@/components/ui/field";
import { Input, Textarea } from "@/components/ui/input";
import {
  personaConfigSchema,
  settingKeys,
  type PersonaConfig,
  type SettingKey,
} from "@/lib/settings/schema";
import { ActiveHoursInput } from "./active-hours-input";
import { FieldGroup } from "./field-group";
import {
  bounds,
  errorMessages,
  modelNumbers,
  numberOrUnset,
  postingNumbers,
  textOrUnset,
  type NumberField,
} from "./fields";
import type { SaveResult } from "./save-result";
import { SwitchField } from "./switch-field";
import { TagField } from "./tag-field";

type Props = {
  initial: PersonaConfig;
  timeZones: string[];
  save: (config: PersonaConfig, cleared: SettingKey[]) => Promise<SaveResult>;
};

type Marks = Partial<Record<SettingKey, unknown>>;

// What a save sends: the keys that were stored already or that the user
// changed, and the stored keys the user emptied, which the server removes.
// An unset switch reads as false and counts as dirty once anything else
// changes, so a new false is only sent when the user has been on the switch.
function changes(values: PersonaConfig, stored: object, dirty: Marks, touched: Marks) {
  const config: Record<string, unknown> = {};
  const cleared: SettingKey[] = [];
  for (const key of settingKeys) {
    const wasStored = Object.hasOwn(stored, key);
    if (values[key] === undefined) {
      if (wasStored) {
        cleared.push(key);
      }
    } else if (wasStored || (dirty[key] && (values[key] !== false || touched[key]))) {
      config[key] = values[key];
    }
  }

  return { config: config as PersonaConfig, cleared };
}

const asText = { setValueAs: textOrUnset };
const asNumber = { setValueAs: numberOrUnset };

const unreachable = "Not saved: the server could not be reached. Your changes are kept.";

type Outcome = { tone: "success" | "error"; text: string } | null;

const subreddit = (text: string) => text.trim().replace(/^\/?r\//i, "");

type Errors = FieldErrors<PersonaConfig>;

function firstError(errors: Errors, key: keyof PersonaConfig) {
  return errorMessages(errors[key]).join(" ") || undefined;
}

// Every allowed setting of one persona, checked in the browser with the same
// schema the server uses. A failed save keeps what was typed; a good one
// shows what the server stored.
export function SettingsForm({ initial, timeZones, save }: Props) {
  const form = useForm({
    resolver: zodResolver(personaConfigSchema),
    defaultValues: initial,
    mode: "onTouched",
  });
  const { register, control, handleSubmit, reset, formState } = form;
  const { errors, isSubmitting, isDirty, dirtyFields, touchedFields, defaultValues } = formState;
  const [outcome, setOutcome] = useState<Outcome>(null);

  const onSubmit = handleSubmit(async (values) => {
    setOutcome(null);
    const stored = defaultValues ?? {};
    const { config, cleared } = changes(values, stored, dirtyFields, touchedFields as Marks);
    let result: SaveResult | undefined;
    try {
      result = await save(config, cleared);
    } catch {
      setOutcome({ tone: "error", text: unreachable });

      return;
    }

    if (!result) {
      return;
    }

    if (result.ok) {
      reset(result.config);
      setOutcome({ tone: "success", text: "Settings saved." });
    } else {
      setOutcome({ tone: "error", text: `Not saved: ${result.error}` });
    }
  }, () => setOutcome({ tone: "error", text: "Not saved: please correct the marked settings." }));

  // Every control here has a hint; the error is added when there is one.
  function described(key: keyof PersonaConfig) {
    const error = firstError(errors, key);

    return {
      id: key,
      "aria-invalid": error ? true : undefined,
      "aria-describedby": describedBy(key, true, error),
    };
  }

  function numberInput(field: NumberField) {
    const error = firstError(errors, field.key);

    return (
      <Field key={field.key} id={field.key} label={field.label} hint={hintFor(field)} error={error}>
        <Input
          type="number"
          inputMode="decimal"
          step={field.step}
          {...bounds(field.key)}
          {...described(field.key)}
          {...register(field.key, asNumber)}
        />
      </Field>
    );
  }

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-6">
      <fieldset disabled={isSubmitting} className="space-y-6">
        <Card title="Posting" description="What the agent may do on its own, and how often.">
          <div className="space-y-5">
            <SwitchField
              id="auto_posting_enabled"
              label="Automatic posting"
              hint="Post without a person starting each run."
              {...register("auto_posting_enabled")}
            />
            <SwitchField
              id="require_approval"
              label="Require approval"
              hint="Hold every draft until an admin approves it."
              {...register("require_approval")}
            />
            <div className="grid gap-4 sm:grid-cols-3">{postingNumbers.map(numberInput)}</div>
          </div>
        </Card>

        <Card title="Targeting" description="Where the agent takes part, what it avoids, and when.">
          <div className="space-y-5">
            <TagField
              control={control}
              name="target_subreddits"
              label="Subreddits"
              hint="Names without r/, e.g. test. Press Enter to add."
              noun="subreddit"
              normalize={subreddit}
            />
            <TagField
              control={control}
              name="blocked_keywords"
              label="Blocked keywords"
              hint="Posts and comments containing these are skipped."
              noun="keyword"
            />
            <FieldGroup
              id="active_hours"
              legend="Active hours"
              hint="The agent only acts inside this window. Leave all three empty for no window."
              error={firstError(errors, "active_hours")}
            >
              <Controller
                control={control}
                name="active_hours"
                render={({ field, fieldState }) => (
                  <ActiveHoursInput
                    value={field.value}
                    onChange={field.onChange}
                    onBlur={field.onBlur}
                    timeZones={timeZones}
                    invalid={fieldState.invalid}
                    describedBy={describedBy("active_hours", true, fieldState.error)}
                  />
                )}
              />
            </FieldGroup>
          </div>
        </Card>

        <Card title="Model" description="The language model the persona writes with.">
          <div className="space-y-5">
            <Field
              id="llm_model"
              label="Model"
              hint="A provider/model id, e.g. openai/gpt-4o-mini."
              error={firstError(errors, "llm_model")}
            >
              <Input {...described("llm_model")} {...register("llm_model", asText)} />
            </Field>
            <div className="grid gap-4 sm:grid-cols-2">{modelNumbers.map(numberInput)}</div>
            <Field
              id="persona_tone"
              label="Tone"
              hint="How the persona sounds, in a sentence or two (at most 500 characters)."
              error={firstError(errors, "persona_tone")}
            >
              <Textarea
                rows={3}
                {...described("persona_tone")}
                {...register("persona_tone", asText)}
              />
            </Field>
          </div>
        </Card>
      </fieldset>

      <div className={saveBar}>
        {outcome && <Alert tone={outcome.tone}>{outcome.text}</Alert>}
        <div className="flex flex-wrap items-center gap-3">
          <Button type="submit" pending={isSubmitting} pendingLabel="Saving…">
            Save settings
          </Button>
          <Button
            type="button"
            variant="ghost"
            disabled={isSubmitting || !isDirty}
            onClick={() => {
              reset();
              setOutcome(null);
            }}
          >
            Discard changes
          </Button>
          {isDirty && <span className="text-sm text-slate-500">Unsaved changes</span>}
        </div>
      </div>
    </form>
  );
}

const saveBar =
  "sticky bottom-0 -mx-4 space-y-3 border-t border-slate-200 bg-slate-50/95 px-4 py-4 " +
  "dark:border-slate-800 dark:bg-slate-950/95";

function hintFor(field: NumberField) {
  const { min, max } = bounds(field.key);
  const range = `Between ${min} and ${max}.`;

  return field.hint ? `${field.hint} ${range}` : range;
}
