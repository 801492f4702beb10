import type { ReactNode } from "react";

/** A page's title and what the page is for. The description is a <div>: it may hold block content such as a list of facts. */
export function PageHeader({ title, description, action }: { title: string; description?: ReactNode; action?: ReactNode }) {
  return (
    <div className="mb-6 flex flex-wrap items-end justify-between gap-4">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight text-zinc-900">{title}</h1>
        {description && <div className="mt-1 max-w-2xl text-sm text-zinc-500">{description}</div>}
      </div>
      {action}
    </div>
  );
}
