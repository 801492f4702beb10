import type { ReactNode } from "react";

/** What a page shows before there is anything on it: what this is for, and the first step to take. */
export function EmptyState({ title, children, action }: { title: string; children: ReactNode; action?: ReactNode }) {
  return (
    <div className="rounded-xl border border-dashed border-zinc-300 bg-white px-6 py-10 text-center">
      <h3 className="text-base font-semibold text-zinc-900">{title}</h3>
      <div className="mx-auto mt-2 max-w-md text-sm text-zinc-500">{children}</div>
      {action && <div className="mt-5 flex justify-center">{action}</div>}
    </div>
  );
}
