"use client";

import { cn } from "@/components/ui/cn";
import type { Granularity } from "@/server/metrics/catalog";

const choices: ReadonlyArray<{ value: Granularity; label: string }> = [
  { value: "hour", label: "Hourly" },
  { value: "day", label: "Daily" },
];

/** Hour or day windows, as a pair of toggle buttons. */
export function GranularitySwitch({ value, onChange }: { value: Granularity; onChange: (value: Granularity) => void }) {
  return (
    <div role="group" aria-label="Window" className="inline-flex rounded-md bg-zinc-100 p-0.5">
      {choices.map((choice) => (
        <button
          key={choice.value}
          type="button"
          aria-pressed={value === choice.value}
          onClick={() => onChange(choice.value)}
          className={cn("rounded px-3 py-1.5 text-sm font-medium", value === choice.value ? "bg-white text-zinc-900 shadow-xs ring-1 ring-zinc-200" : "text-zinc-600 hover:text-zinc-900")}
        >
          {choice.label}
        </button>
      ))}
    </div>
  );
}
