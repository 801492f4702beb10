"use client";

import { useId, useState, type KeyboardEvent } from "react";
import { Button } from "@/components/ui/button";

type MetadataKeysInputProps = { keys: readonly string[]; error?: string; hint: string; onChange: (keys: string[]) => void };

/** A list of metadata keys: type one and press Enter or Add; each listed key has its own remove button. */
export function MetadataKeysInput({ keys, error, hint, onChange }: MetadataKeysInputProps) {
  const id = useId();
  const [pending, setPending] = useState("");
  const describedBy = error ? `${id}-error` : `${id}-hint`;

  function add() {
    const key = pending.trim();
    // Duplicates and blanks are left for the server to word, so the field shows exactly what it refuses.
    onChange([...keys, key]);
    setPending("");
  }

  function addOnEnter(event: KeyboardEvent<HTMLInputElement>) {
    if (event.key !== "Enter") return;
    event.preventDefault();
    if (pending.trim() !== "") add();
  }

  return (
    <div className="space-y-1.5">
      <label htmlFor={id} className="block text-sm font-medium text-zinc-800">
        Drift metadata keys
      </label>
      {keys.length > 0 && (
        <ul aria-label="Watched metadata keys" className="flex flex-wrap gap-2">
          {keys.map((key, index) => (
            <li key={`${key}-${index}`} className="flex items-center gap-1 rounded-md bg-zinc-100 py-0.5 pr-0.5 pl-2 font-mono text-xs text-zinc-800">
              {key}
              <button
                type="button"
                aria-label={`Stop watching ${key}`}
                onClick={() => onChange(keys.filter((_, position) => position !== index))}
                className="rounded px-1 text-zinc-500 hover:bg-zinc-200 hover:text-zinc-900"
              >
                ×
              </button>
            </li>
          ))}
        </ul>
      )}
      <div className="flex gap-2">
        <input
          id={id}
          value={pending}
          onChange={(event) => setPending(event.target.value)}
          onKeyDown={addOnEnter}
          placeholder="customer_tier"
          aria-describedby={describedBy}
          aria-invalid={error ? true : undefined}
          className="block w-full rounded-md border-0 bg-white px-3 py-2 text-sm text-zinc-900 shadow-xs ring-1 ring-zinc-300 ring-inset placeholder:text-zinc-400 focus:ring-2 focus:ring-gold-500 focus:outline-none aria-[invalid=true]:ring-red-500"
        />
        <Button variant="secondary" onClick={add} disabled={pending.trim() === ""}>
          Add key
        </Button>
      </div>
      {error ? (
        <p id={`${id}-error`} className="text-xs font-medium text-red-600">
          {error}
        </p>
      ) : (
        <p id={`${id}-hint`} className="text-xs text-zinc-500">
          {hint} Press Enter to add.
        </p>
      )}
    </div>
  );
}
