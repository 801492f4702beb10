"use client";

import { Kbd } from "@/components/ui/kbd";
import type { CategoricalField, MultiSelectField } from "@/server/labels/field-types";
import { MAX_NUMBER_KEYS, numberKeyOf } from "./field-stops";

type ChoiceInputProps = {
  id: string;
  field: CategoricalField | MultiSelectField;
  /** The chosen option (single choice) or the ticked ones (multi-select). */
  value: string | string[] | undefined;
  onChange: (value: string | string[]) => void;
  /** Number keys shown on the options while the field is the active stop. */
  showKeys: boolean;
  /** Answers per option, shown to a lead deciding gold. */
  votes?: Record<string, number>;
};

const optionClass =
  "flex cursor-pointer items-start gap-3 rounded-lg bg-white px-3 py-2.5 ring-1 ring-zinc-200 hover:bg-zinc-50 has-checked:bg-gold-50 has-checked:ring-2 has-checked:ring-gold-500 has-focus-visible:outline-2 has-focus-visible:outline-offset-2 has-focus-visible:outline-gold-500";

/** A single choice as radios, or a multi-select as checkboxes; each option shows its number key and hint. */
export function ChoiceInput({ id, field, value, onChange, showKeys, votes }: ChoiceInputProps) {
  const isMulti = field.type === "multi_select";
  const ticked = Array.isArray(value) ? value : [];
  const toggle = (option: string) => onChange(field.options.map((candidate) => candidate.value).filter((candidate) => (candidate === option ? !ticked.includes(option) : ticked.includes(candidate))));
  return (
    <div role={isMulti ? undefined : "radiogroup"} aria-labelledby={`${id}-title`} className="space-y-2">
      {field.options.map((option, index) => {
        const count = votes?.[option.value] ?? 0;
        return (
          <label key={option.value} className={optionClass}>
            <input
              type={isMulti ? "checkbox" : "radio"}
              name={`${id}-${field.key}`}
              value={option.value}
              checked={isMulti ? ticked.includes(option.value) : value === option.value}
              onChange={() => (isMulti ? toggle(option.value) : onChange(option.value))}
              // Named by the title alone (the hint is its description), so "Correct" and "Partially correct" stay distinct.
              aria-labelledby={`${id}-option-${index}`}
              aria-describedby={option.hint ? `${id}-option-hint-${index}` : undefined}
              className="mt-0.5 size-4 accent-gold-600 focus-visible:outline-none"
            />
            <span className="min-w-0 flex-1">
              <span id={`${id}-option-${index}`} className="block text-sm font-medium text-zinc-900">
                {option.title}
              </span>
              {option.hint && (
                <span id={`${id}-option-hint-${index}`} className="mt-0.5 block text-xs text-zinc-500">
                  {option.hint}
                </span>
              )}
            </span>
            {votes && count > 0 && <span className="text-xs text-zinc-500 tabular-nums">{count === 1 ? "1 vote" : `${count} votes`}</span>}
            {showKeys && index < MAX_NUMBER_KEYS && (
              <span aria-hidden>
                <Kbd>{numberKeyOf(index + 1)}</Kbd>
              </span>
            )}
          </label>
        );
      })}
    </div>
  );
}
