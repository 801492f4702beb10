"use client";

import { useId, useState } from "react";
import { cn } from "@/components/ui/cn";
import { Markdown } from "@/components/outputs/markdown";

const tabClass = "rounded-md px-2.5 py-1 text-xs font-medium";

/** A markdown textarea with a preview tab, so a lead sees the rubric as annotators will. */
export function InstructionsEditor({ value, error, onChange }: { value: string; error?: string; onChange: (value: string) => void }) {
  const [isPreview, setIsPreview] = useState(false);
  const id = useId();
  return (
    <div className="space-y-1.5">
      <div className="flex items-end justify-between">
        <label htmlFor={id} className="block text-sm font-medium text-zinc-800">
          Instructions
        </label>
        <div role="tablist" aria-label="Write or preview" className="flex gap-1 rounded-lg bg-zinc-100 p-0.5">
          {(["Write", "Preview"] as const).map((tab) => {
            const isSelected = (tab === "Preview") === isPreview;
            return (
              <button
                key={tab}
                type="button"
                role="tab"
                aria-selected={isSelected}
                onClick={() => setIsPreview(tab === "Preview")}
                className={cn(tabClass, isSelected ? "bg-white text-zinc-900 shadow-xs" : "text-zinc-600 hover:text-zinc-800")}
              >
                {tab}
              </button>
            );
          })}
        </div>
      </div>
      {isPreview ? (
        <div role="tabpanel" aria-label="Preview" className="min-h-40 rounded-md bg-white px-4 py-3 ring-1 ring-inset ring-zinc-200">
          {value.trim() ? <Markdown>{value}</Markdown> : <p className="text-sm text-zinc-500">Nothing to preview yet.</p>}
        </div>
      ) : (
        <textarea
          id={id}
          value={value}
          rows={8}
          aria-invalid={error ? true : undefined}
          aria-describedby={`${id}-hint`}
          placeholder={"## What to check\n- Is the answer **correct** for our product?\n- Would you send it to a customer as is?"}
          onChange={(event) => onChange(event.target.value)}
          className="block w-full rounded-md border-0 bg-white px-3 py-2 font-mono text-sm text-zinc-900 shadow-xs ring-1 ring-inset ring-zinc-300 placeholder:text-zinc-400 focus:ring-2 focus:ring-gold-500 focus:outline-none aria-[invalid=true]:ring-red-500"
        />
      )}
      <p id={`${id}-hint`} className={cn("text-xs", error ? "font-medium text-red-600" : "text-zinc-500")}>
        {error ?? "Markdown. Annotators see this above every item; say what each option means and when to correct the output."}
      </p>
    </div>
  );
}
