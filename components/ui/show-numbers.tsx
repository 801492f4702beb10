import type { ReactNode } from "react";

/** A chart's numbers behind a "Show the numbers" disclosure at the foot of its card, scrolling when long. */
export function ShowNumbers({ label, children }: { label?: string; children: ReactNode }) {
  return (
    <details aria-label={label} className="border-t border-zinc-100 px-5 py-3 text-sm">
      <summary className="cursor-pointer text-zinc-600">Show the numbers</summary>
      <div className="mt-3 max-h-80 overflow-y-auto">{children}</div>
    </details>
  );
}
