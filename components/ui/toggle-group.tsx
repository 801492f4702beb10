"use client";

import { cn } from "@/components/ui/cn";

/** A row of toggle buttons, one pressed. */
export function ToggleGroup<Value extends string>({ label, choices, value, onChange }: { label: string; choices: readonly { value: Value; label: string }[]; value: Value; onChange: (value: Value) => void }) {
  return (
    <div role="group" aria-label={label} className="inline-flex flex-wrap rounded-md bg-zinc-100 p-0.5">
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
