"use client";

import { useState } from "react";
import { Button } from "./button";

/** A value to copy once (a secret, a link), in a read-only box with a copy button. */
export function CopyField({ label, value }: { label: string; value: string }) {
  const [isCopied, setIsCopied] = useState(false);
  return (
    <div className="space-y-1.5">
      <span className="block text-sm font-medium text-zinc-800">{label}</span>
      <div className="flex gap-2">
        <input
          aria-label={label}
          readOnly
          value={value}
          onFocus={(event) => event.currentTarget.select()}
          className="block w-full rounded-md bg-zinc-50 px-3 py-2 font-mono text-xs text-zinc-800 ring-1 ring-inset ring-zinc-300"
        />
        <Button
          variant="secondary"
          onClick={async () => {
            await navigator.clipboard.writeText(value).catch(() => {});
            setIsCopied(true);
          }}
        >
          {isCopied ? "Copied" : "Copy"}
        </Button>
      </div>
    </div>
  );
}
