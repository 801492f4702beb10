import type { ReactNode } from "react";

/** A chart's numbers behind a disclosure, as the loop-health charts show theirs. */
export function ShowNumbers({ children }: { children: ReactNode }) {
  return (
    <details className="border-t border-zinc-100 px-5 py-3 text-sm">
      <summary className="cursor-pointer text-zinc-600">Show the numbers</summary>
      <div className="mt-3 max-h-80 overflow-y-auto">{children}</div>
    </details>
  );
}
