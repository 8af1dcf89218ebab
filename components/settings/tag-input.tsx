"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";

type Props = {
  id: string;
  value: string[] | undefined;
  onChange: (value: string[]) => void;
  onBlur: () => void;
  // What the removal buttons call one item, e.g. "subreddit".
  noun: string;
  normalize?: (text: string) => string;
  invalid?: Set<number>;
  describedBy?: string;
  placeholder?: string;
};

const chip =
  "inline-flex items-center gap-1 rounded-full border py-0.5 pr-1 pl-2.5 text-sm " +
  "border-slate-300 bg-slate-100 dark:border-slate-600 dark:bg-slate-800";
const badChip = "border-red-500 bg-red-50 text-red-800 dark:bg-red-950 dark:text-red-200";
const removeButton =
  "rounded-full px-1.5 leading-5 hover:bg-slate-300 focus-visible:outline-2 " +
  "focus-visible:outline-indigo-500 dark:hover:bg-slate-600";

// A list of short strings: type one and press Enter (or comma) to add it;
// each item has its own remove button. Exact repeats are not added twice.
// Text left in the box is added when it loses focus, so clicking Save never
// drops a keyword that was typed but not yet added.
export function TagInput({ id, value = [], onChange, onBlur, noun, normalize, ...rest }: Props) {
  const [draft, setDraft] = useState("");
  const [note, setNote] = useState("");

  function add() {
    const item = (normalize ?? ((text: string) => text.trim()))(draft);
    if (!item) {
      return;
    }

    if (value.some((existing) => existing.toLowerCase() === item.toLowerCase())) {
      setNote(`"${item}" is already in the list.`);

      return;
    }

    onChange([...value, item]);
    setDraft("");
    setNote("");
  }

  function onKeyDown(event: React.KeyboardEvent<HTMLInputElement>) {
    if (event.key === "Enter" || event.key === ",") {
      event.preventDefault();
      add();
    } else if (event.key === "Backspace" && draft === "" && value.length > 0) {
      onChange(value.slice(0, -1));
    }
  }

  return (
    <div className="space-y-2">
      {value.length > 0 && (
        <ul className="flex flex-wrap gap-1.5" aria-label={`${noun} list`}>
          {value.map((item, index) => (
            <li key={item} className={`${chip} ${rest.invalid?.has(index) ? badChip : ""}`}>
              {item}
              <button
                type="button"
                className={removeButton}
                aria-label={`Remove ${noun} ${item}`}
                onClick={() => onChange(value.filter((_, i) => i !== index))}
              >
                ×
              </button>
            </li>
          ))}
        </ul>
      )}
      <div className="flex gap-2">
        <Input
          id={id}
          value={draft}
          placeholder={rest.placeholder}
          aria-describedby={rest.describedBy}
          aria-invalid={rest.invalid && rest.invalid.size > 0 ? true : undefined}
          onChange={(event) => setDraft(event.target.value)}
          onKeyDown={onKeyDown}
          onBlur={() => {
            add();
            onBlur();
          }}
        />
        <Button type="button" variant="secondary" onClick={add} aria-label={`Add ${noun}`}>
          Add
        </Button>
      </div>
      <p aria-live="polite" className="text-xs text-slate-500">
        {note}
      </p>
    </div>
  );
}
