"use client";

import type { FreeTextField } from "@/server/labels/field-types";

/** A free-text answer, with what is left of its length. */
export function TextInput({ id, field, value, onChange }: { id: string; field: FreeTextField; value: string | undefined; onChange: (value: string | undefined) => void }) {
  const length = Array.from(value ?? "").length;
  return (
    <div className="space-y-1">
      <textarea
        id={`${id}-input`}
        aria-labelledby={`${id}-title`}
        rows={2}
        value={value ?? ""}
        onChange={(event) => onChange(event.target.value === "" ? undefined : event.target.value)}
        className="block w-full resize-y rounded-md border-0 bg-white px-3 py-2 text-sm text-zinc-900 shadow-xs ring-1 ring-zinc-300 ring-inset placeholder:text-zinc-400 focus:ring-2 focus:ring-gold-500 focus:outline-none"
      />
      <p className="text-right text-xs text-zinc-500 tabular-nums" aria-live="polite">
        {length > field.maxLength * 0.8 ? `${(field.maxLength - length).toLocaleString("en")} characters left` : ""}
      </p>
    </div>
  );
}
