"use client";

import { useState } from "react";
import type { NumberField } from "@/server/labels/field-types";

const inputClass =
  "block w-40 rounded-md border-0 bg-white px-3 py-2 text-sm text-zinc-900 shadow-xs ring-1 ring-zinc-300 ring-inset placeholder:text-zinc-400 focus:ring-2 focus:ring-gold-500 focus:outline-none";

const readNumber = (text: string) => {
  const parsed = text.trim() === "" ? undefined : Number(text);
  return parsed !== undefined && Number.isFinite(parsed) ? parsed : undefined;
};

/**
 * A number as typed: the text is kept while it is being written ("1." on the way to "1.5"); the answer is the
 * number it reads as. An answer changed from elsewhere (a shared answer another annotator edits, a draft that
 * loads after the first render) replaces the text, unless the text already reads as it.
 */
export function NumberInput({ id, field, value, onChange }: { id: string; field: NumberField; value: number | undefined; onChange: (value: number | undefined) => void }) {
  const [text, setText] = useState(value === undefined ? "" : String(value));
  const [shownValue, setShownValue] = useState(value);
  if (value !== shownValue) {
    setShownValue(value);
    if (readNumber(text) !== value) setText(value === undefined ? "" : String(value));
  }
  return (
    <div className="flex items-center gap-2">
      <input
        id={`${id}-input`}
        type="number"
        inputMode="decimal"
        aria-labelledby={`${id}-title`}
        min={field.min}
        max={field.max}
        step={field.step}
        value={text}
        placeholder={`${field.min}–${field.max}`}
        onChange={(event) => {
          const parsed = readNumber(event.target.value);
          setText(event.target.value);
          setShownValue(parsed);
          onChange(parsed);
        }}
        className={inputClass}
      />
      {field.unit && <span className="text-sm text-zinc-500">{field.unit}</span>}
    </div>
  );
}
