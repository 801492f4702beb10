import type { ReactNode } from "react";

/** A key cap, for shortcuts shown next to the thing they trigger. */
export function Kbd({ children }: { children: ReactNode }) {
  return (
    <kbd className="inline-flex min-w-5 items-center justify-center rounded border border-zinc-300 bg-white px-1 font-mono text-[11px] leading-4 text-zinc-500 shadow-[0_1px_0_0] shadow-zinc-300">
      {children}
    </kbd>
  );
}
