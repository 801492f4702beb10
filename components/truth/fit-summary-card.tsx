import { Badge } from "@/components/ui/badge";
import { Card, CardHeader } from "@/components/ui/card";
import { DateTime } from "@/components/ui/date-time";
import { countOf } from "@/components/ui/plural";
import { Table, Td, Th } from "@/components/ui/table";
import { formatShare, methodNames } from "./format";
import type { FieldFit } from "./use-truth";
import { ShowNumbers } from "@/components/ui/show-numbers";

/** What the latest fit of a field is: method, convergence, how much it saw, class priors and how long it took. */
export function FitSummaryCard({ fit }: { fit: FieldFit }) {
  const facts: [string, string][] = [
    ["Answers", fit.labelCount.toLocaleString("en")],
    ["Items", fit.itemCount.toLocaleString("en")],
    ["Annotators", fit.annotatorCount.toLocaleString("en")],
    ["Gold items clamped", fit.clampedItemCount.toLocaleString("en")],
    ["Iterations", fit.iterations.toLocaleString("en")],
    ["Log-likelihood", fit.logLikelihood.toFixed(1)],
    ["Read / fit / write", `${fit.readMs} / ${fit.fitMs} / ${fit.writeMs} ms`],
  ];
  return (
    <Card>
      <CardHeader
        title={`Fit of “${fit.fieldKey}”`}
        description={
          <>
            Fitted <DateTime value={fit.fittedAt} /> from {countOf(fit.labelCount, "answer")}.
          </>
        }
        action={
          <div className="flex gap-2">
            <Badge tone="gold">{methodNames[fit.method]}</Badge>
            <Badge tone={fit.isConverged ? "green" : "red"}>{fit.isConverged ? "converged" : "not converged"}</Badge>
          </div>
        }
      />
      <div className="grid gap-6 px-5 py-4 md:grid-cols-2">
        <dl className="grid grid-cols-[1fr_auto] gap-x-4 gap-y-2 text-sm">
          {facts.map(([label, value]) => (
            <div key={label} className="contents">
              <dt className="text-zinc-500">{label}</dt>
              <dd className="text-right text-zinc-900 tabular-nums">{value}</dd>
            </div>
          ))}
        </dl>
        <div>
          <h3 className="mb-2 text-sm font-medium text-zinc-800">Class priors</h3>
          <ul className="space-y-2" aria-label="Class priors">
            {fit.classes.map((value, index) => {
              const prior = fit.classPriors[index] ?? 0;
              return (
                <li key={value} className="grid grid-cols-[7rem_1fr_4rem] items-center gap-2 text-sm">
                  <span className="truncate font-mono text-xs text-zinc-600">{value}</span>
                  <span className="h-2 rounded-full bg-zinc-100">
                    <span className="block h-2 rounded-full bg-gold-500" style={{ width: `${prior * 100}%` }} />
                  </span>
                  <span className="text-right text-zinc-900 tabular-nums">{formatShare(prior)}</span>
                </li>
              );
            })}
          </ul>
        </div>
      </div>
      <ShowNumbers>
          <Table aria-label={`Class priors of ${fit.fieldKey}`}>
            <thead>
              <tr>
                <Th>Value</Th>
                <Th className="text-right">P(true value)</Th>
              </tr>
            </thead>
            <tbody>
              {fit.classes.map((value, index) => (
                <tr key={value}>
                  <Td className="font-mono">{value}</Td>
                  <Td className="text-right tabular-nums">{(fit.classPriors[index] ?? 0).toFixed(4)}</Td>
                </tr>
              ))}
            </tbody>
          </Table>
      </ShowNumbers>
    </Card>
  );
}
