"use client";

import { cn } from "@/components/ui/cn";
import { MAX_NUMBER_KEYS, numberKeyOf } from "./field-stops";

type ScaleInputProps = {
  id: string;
  /** Names the radios for screen readers, e.g. the field's or the criterion's title. */
  label: string;
  points: ReadonlyArray<{ value: number | boolean; title: string; description?: string }>;
  value: number | boolean | undefined;
  onChange: (value: number | boolean) => void;
  showKeys: boolean;
};

/** A row of points (a rating 1–N, a rubric's 1–5, or pass/fail), each a radio with its number key. */
export function ScaleInput({ id, label, points, value, onChange, showKeys }: ScaleInputProps) {
  return (
    <div role="radiogroup" aria-label={label} className="flex flex-wrap gap-1.5">
      {points.map((point, index) => {
        const isChecked = value === point.value;
        return (
          <label
            key={String(point.value)}
            title={point.description}
            className={cn(
              "flex min-w-10 cursor-pointer flex-col items-center rounded-md px-2.5 py-1.5 text-sm ring-1 ring-inset has-focus-visible:ring-2 has-focus-visible:ring-gold-500",
              isChecked ? "bg-gold-50 font-semibold text-zinc-900 ring-gold-500" : "bg-white text-zinc-700 ring-zinc-200 hover:bg-zinc-50",
            )}
          >
            <input
              type="radio"
              name={`${id}-${label}`}
              checked={isChecked}
              onChange={() => onChange(point.value)}
              aria-label={point.description ? `${point.title}: ${point.description}` : point.title}
              className="sr-only"
            />
            <span aria-hidden>{point.title}</span>
            {showKeys && index < MAX_NUMBER_KEYS && point.title !== numberKeyOf(index + 1) && (
              <span aria-hidden className="font-mono text-[10px] text-zinc-500">
                {numberKeyOf(index + 1)}
              </span>
            )}
          </label>
        );
      })}
    </div>
  );
}
