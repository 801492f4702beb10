"use client";

import { useId, type Ref } from "react";
import { Kbd } from "@/components/ui/kbd";

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
