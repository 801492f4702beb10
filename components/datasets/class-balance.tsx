"use client";

import dynamic from "next/dynamic";
import { useState } from "react";
import { SelectField } from "@/components/ui/field";
import { errorMessage } from "@/components/ui/form-errors";
import { Table, Td, Th } from "@/components/ui/table";
import { splitNames } from "@/server/datasets/schema";
import type { BalanceBar } from "./class-balance-chart";
import { useClassBalance } from "./use-datasets";

// recharts sizes itself from the DOM, so it renders in the browser only; the placeholder keeps the height.
const ClassBalanceChart = dynamic(() => import("./class-balance-chart").then((module) => module.ClassBalanceChart), {
  ssr: false,
  loading: () => <div className="h-60" />,
});

type Count = { split: string; field: string; value: string; count: number };

/** One bar per split, stacked by the values of one label field. */
function toBars(counts: Count[], field: string): { bars: BalanceBar[]; values: string[] } {
  const ofField = counts.filter((count) => count.field === field);
  const values = [...new Set(ofField.map((count) => count.value))].sort();
  const bars = splitNames.map((split) => {
    const bar: BalanceBar = { split };
    for (const value of values) bar[value] = ofField.find((count) => count.split === split && count.value === value)?.count ?? 0;
    return bar;
  });
  return { bars, values };
}

function describe(bars: BalanceBar[], values: string[]): string {
  return bars.map((bar) => `${bar.split}: ${values.map((value) => `${bar[value]} ${value}`).join(", ")}`).join("; ");
}

/** Class balance per split as a chart, with the same numbers as a table for screen readers and copying. */
export function ClassBalance({ projectId, datasetId, release }: { projectId: string; datasetId: string; release: number }) {
  const balance = useClassBalance({ projectId, datasetId, release });
  const fields = [...new Set((balance.data ?? []).map((count) => count.field))];
  const [chosen, setChosen] = useState<string | undefined>(undefined);
  const field = chosen && fields.includes(chosen) ? chosen : fields[0];
  if (balance.error) return <p className="px-5 text-sm text-red-700">{errorMessage(balance.error)}</p>;
  if (!balance.data) return <div className="h-60" />;
  if (!field) return <p className="px-5 py-4 text-sm text-zinc-500">This release has no label fields to count.</p>;
  const { bars, values } = toBars(balance.data, field);
  return (
    <div className="space-y-3 px-5 pb-4">
      {fields.length > 1 && (
        <div className="w-48">
          <SelectField label="Label field" value={field} onChange={(event) => setChosen(event.target.value)}>
            {fields.map((name) => (
              <option key={name} value={name}>
                {name}
              </option>
            ))}
          </SelectField>
        </div>
      )}
      <div role="img" aria-label={`Class balance of ${field} per split: ${describe(bars, values)}`} className="h-60">
        <ClassBalanceChart bars={bars} values={values} />
      </div>
      <details className="text-sm">
        <summary className="cursor-pointer text-zinc-600">Show the numbers</summary>
        <Table aria-label="Class balance per split">
          <thead>
            <tr>
              <Th>Split</Th>
              {values.map((value) => (
                <Th key={value} className="text-right">
                  {value}
                </Th>
              ))}
            </tr>
          </thead>
          <tbody className="divide-y divide-zinc-100">
            {bars.map((bar) => (
              <tr key={bar.split}>
                <Td>{bar.split}</Td>
                {values.map((value) => (
                  <Td key={value} className="text-right tabular-nums">
                    {Number(bar[value]).toLocaleString("en")}
                  </Td>
                ))}
              </tr>
            ))}
          </tbody>
        </Table>
      </details>
    </div>
  );
}
