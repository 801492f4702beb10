import type { ReactNode } from "react";

export type SettingRow = { term: string; value: ReactNode; hint: string };

/** A card's settings as a definition list: each term, its value, and one line saying what it does. */
export function SettingList({ rows, label }: { rows: readonly SettingRow[]; label?: string }) {
  return (
    <dl aria-label={label} className="space-y-3 px-5 py-4 text-sm">
      {rows.map((row) => (
        <div key={row.term}>
          <div className="flex justify-between gap-4">
            <dt className="text-zinc-500">{row.term}</dt>
            <dd className="text-right text-zinc-900 tabular-nums">{row.value}</dd>
          </div>
          <p className="mt-0.5 text-xs text-zinc-400">{row.hint}</p>
        </div>
      ))}
    </dl>
  );
}
