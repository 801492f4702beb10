"use client";

import { useId, type Ref } from "react";
import { Kbd } from "@/components/ui/kbd";
import type { CategoricalField } from "@/server/queues/schema";

type FieldProps = {
  field: CategoricalField;
  value: string | undefined;
  onChange: (value: string) => void;
  /** Only the first field gets the 1–9 keys. */
  hasShortcuts: boolean;
  error?: string;
};

/** One categorical field as a named radio group; options carry their number key and hint. */
export function CategoricalFieldInput({ field, value, onChange, hasShortcuts, error }: FieldProps) {
  const id = useId();
  return (
    <div
      role="radiogroup"
      aria-labelledby={`${id}-title`}
      aria-describedby={error ? `${id}-error` : undefined}
      aria-invalid={error ? true : undefined}
      className="space-y-2"
    >
      <p id={`${id}-title`} className="text-sm font-medium text-zinc-900">
        {field.title}
      </p>
      {field.options.map((option, index) => (
        <label
          key={option.value}
          className="flex cursor-pointer items-start gap-3 rounded-lg bg-white px-3 py-2.5 ring-1 ring-zinc-200 hover:bg-zinc-50 has-checked:bg-gold-50 has-checked:ring-2 has-checked:ring-gold-500 has-focus-visible:outline-2 has-focus-visible:outline-offset-2 has-focus-visible:outline-gold-500"
        >
          <input
            type="radio"
            name={`${id}-${field.key}`}
            value={option.value}
            checked={value === option.value}
            onChange={() => onChange(option.value)}
            // Named by the title alone (the hint is its description), so "Correct" and "Partially correct" stay distinct.
            aria-labelledby={`${id}-option-${index}`}
            aria-describedby={option.hint ? `${id}-hint-${index}` : undefined}
            className="mt-0.5 size-4 accent-gold-600 focus-visible:outline-none"
          />
          <span className="min-w-0 flex-1">
            <span id={`${id}-option-${index}`} className="block text-sm font-medium text-zinc-900">
              {option.title}
            </span>
            {option.hint && (
              <span id={`${id}-hint-${index}`} className="mt-0.5 block text-xs text-zinc-500">
                {option.hint}
              </span>
            )}
          </span>
          {hasShortcuts && index < 9 && (
            <span aria-hidden>
              <Kbd>{index + 1}</Kbd>
            </span>
          )}
        </label>
      ))}
      {error && (
        <p id={`${id}-error`} className="text-xs font-medium text-red-600">
          {error}
        </p>
      )}
    </div>
  );
}

/** The optional free-text note; Ctrl/Cmd+Enter inside it submits (handled by the page's keys). */
export function NoteInput({ value, onChange, inputRef }: { value: string; onChange: (value: string) => void; inputRef: Ref<HTMLTextAreaElement> }) {
  const id = useId();
  return (
    <div className="space-y-1.5">
      <label htmlFor={id} className="flex items-center justify-between text-sm font-medium text-zinc-800">
        <span>
          Note <span className="font-normal text-zinc-500">(optional)</span>
        </span>
        <span aria-hidden>
          <Kbd>N</Kbd>
        </span>
      </label>
      <textarea
        id={id}
        ref={inputRef}
        rows={2}
        maxLength={5_000}
        value={value}
        onChange={(event) => onChange(event.target.value)}
        placeholder="Why this label, if it is not obvious"
        className="block w-full resize-y rounded-md border-0 bg-white px-3 py-2 text-sm text-zinc-900 shadow-xs ring-1 ring-zinc-300 ring-inset placeholder:text-zinc-400 focus:ring-2 focus:ring-gold-500 focus:outline-none"
      />
    </div>
  );
}
