"use client";

import type { PairwiseAnswer } from "@/server/labels/answer-values";
import type { PairwiseChoice, PairwiseField } from "@/server/labels/field-types";
import { inScreenOrder, useIsSwapped } from "@/components/outputs/candidate-sides";
import { cn } from "@/components/ui/cn";
import { choosePairwise } from "./field-stops";

type ChoiceButton = { value: PairwiseChoice; title: string; key: string };
const sideA: ChoiceButton = { value: "a", title: "A is better", key: "A" };
const sideB: ChoiceButton = { value: "b", title: "B is better", key: "B" };
const tie: ChoiceButton = { value: "tie", title: "Tie", key: "T" };

export const strengths: ReadonlyArray<{ value: number; title: string }> = [
  { value: 1, title: "Slightly" },
  { value: 2, title: "Clearly" },
  { value: 3, title: "Much" },
];

type PairwiseInputProps = {
  id: string;
  field: PairwiseField;
  value: PairwiseAnswer | undefined;
  onChange: (value: PairwiseAnswer) => void;
  /** Shows the 1–3 strength keys: they act on the active stop only, while A, B and T work anywhere on the page. */
  showKeys: boolean;
};

function Choice({ name, label, isChecked, onSelect, hint }: { name: string; label: string; isChecked: boolean; onSelect: () => void; hint: string }) {
  return (
    <label
      className={cn(
        "flex cursor-pointer flex-col items-center justify-center gap-1 rounded-md px-2 py-1.5 text-center text-sm leading-tight ring-1 ring-inset has-focus-visible:ring-2 has-focus-visible:ring-gold-500",
        isChecked ? "bg-gold-50 font-semibold text-zinc-900 ring-gold-500" : "bg-white text-zinc-700 ring-zinc-200 hover:bg-zinc-50",
      )}
    >
      <input type="radio" name={name} checked={isChecked} onChange={onSelect} aria-keyshortcuts={hint || undefined} className="sr-only" />
      <span className="text-balance">{label}</span>
      {hint && (
        <kbd aria-hidden className="rounded border border-zinc-300 bg-zinc-50 px-1 font-mono text-[10px] text-zinc-600">
          {hint}
        </kbd>
      )}
    </label>
  );
}

/** Which candidate is better (A, B or a tie, keys A/B/T), then how much better when the field asks (keys 1–3). */
export function PairwiseInput({ id, field, value, onChange, showKeys }: PairwiseInputProps) {
  const isSided = value !== undefined && value.choice !== "tie";
  // The buttons stand on the side of the candidate they choose, in three equal columns whose labels wrap
  // inside them: the answer panel is only 250–350 px wide on a laptop and a phone alike.
  const [left, right] = inScreenOrder([sideA, sideB], useIsSwapped());
  return (
    <div className="space-y-2">
      <div role="radiogroup" aria-label={field.title} className="grid grid-cols-3 gap-1.5">
        {[left, tie, right].map((choice) => (
          <Choice
            key={choice.value}
            name={`${id}-choice`}
            label={choice.title}
            hint={choice.key}
            isChecked={value?.choice === choice.value}
            onSelect={() => onChange(choosePairwise(value, choice.value))}
          />
        ))}
      </div>
      {field.askStrength && isSided && (
        <div role="radiogroup" aria-label={`How much better is ${value.choice.toUpperCase()}?`} className="grid grid-cols-3 gap-1.5">
          <span className="col-span-3 text-xs text-zinc-500">How much better?</span>
          {strengths.map((strength) => (
            <Choice
              key={strength.value}
              name={`${id}-strength`}
              label={strength.title}
              hint={showKeys ? String(strength.value) : ""}
              isChecked={value.strength === strength.value}
              onSelect={() => onChange({ choice: value.choice, strength: strength.value })}
            />
          ))}
        </div>
      )}
    </div>
  );
}
