import type { ReactNode } from "react";

export type SettingRow = { term: string; value: ReactNode; hint: string };

/** A card's settings as a definition list: each term, its value, and one line saying what it does. */
export function SettingList({ rows, label }: { rows: readonly SettingRow[]; label?: string }) {
  return (
    <dl aria-label={label} className="space-y-3 px-5 py-4 text-sm">
      {rows.map((row) => (
        // A <dl> may hold only <dt>/<dd> groups in a <div>, so the hint is a second <dd> of its term.
        <div key={row.term} className="grid grid-cols-[1fr_auto] gap-x-4">
          <dt className="text-zinc-500">{row.term}</dt>
          <dd className="text-right text-zinc-900 tabular-nums">{row.value}</dd>
          <dd className="col-span-2 mt-0.5 text-xs text-zinc-500">{row.hint}</dd>
        </div>
      ))}
    </dl>
  );
}
