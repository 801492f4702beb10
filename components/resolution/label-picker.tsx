"use client";

import { Kbd } from "@/components/ui/kbd";
import { cn } from "@/components/ui/cn";
import type { CategoricalField } from "@/server/queues/schema";

type LabelPickerProps = {
  field: CategoricalField;
  value: string | null;
  /** Votes per option value, shown next to each option so the lead sees the split. */
  votes: Record<string, number>;
  isDisabled?: boolean;
  onChange: (value: string) => void;
};

/** The gold label as a radio group named after the field; keys 1–9 pick options (handled by the page). */
export function LabelPicker({ field, value, votes, isDisabled = false, onChange }: LabelPickerProps) {
  return (
    <fieldset disabled={isDisabled}>
      <legend className="text-sm font-medium text-zinc-800">{field.title}</legend>
      <div className="mt-2 grid gap-2 sm:grid-cols-2">
        {field.options.map((option, index) => {
          const isChecked = option.value === value;
          const count = votes[option.value] ?? 0;
          return (
            <label
              key={option.value}
              className={cn(
                "flex cursor-pointer items-center gap-3 rounded-lg px-3 py-2.5 text-sm ring-1 ring-inset has-focus-visible:ring-2 has-focus-visible:ring-gold-500",
                isChecked ? "bg-gold-50 ring-gold-400" : "bg-white ring-zinc-200 hover:bg-zinc-50",
              )}
            >
              <input
                type="radio"
                name={`gold-${field.key}`}
                value={option.value}
                checked={isChecked}
                onChange={() => onChange(option.value)}
                className="size-4 accent-zinc-900"
              />
              <span className="flex-1">
                <span className="font-medium text-zinc-900">{option.title}</span>
                {option.hint && <span className="block text-xs text-zinc-500">{option.hint}</span>}
              </span>
              <span className="text-xs text-zinc-500 tabular-nums" aria-hidden={count === 0}>
                {count > 0 && `${count} ${count === 1 ? "vote" : "votes"}`}
              </span>
              <Kbd>{index + 1}</Kbd>
            </label>
          );
        })}
      </div>
    </fieldset>
  );
}
