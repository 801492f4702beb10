import type { ReactNode } from "react";
import { Card } from "@/components/ui/card";
import { countOf } from "@/components/ui/plural";
import { describeAgreement, formatInterval, formatStatistic } from "./estimate-format";
import { Greek } from "./greek";
import type { EstimateData, FieldAgreementData } from "./use-agreement";

function StatTile({ title, estimate, footnote }: { title: ReactNode; estimate: EstimateData; footnote: string }) {
  const interval = formatInterval(estimate);
  return (
    <Card className="px-5 py-4">
      <p className="text-xs font-medium tracking-wide text-zinc-500 uppercase">{title}</p>
      <p className="mt-1 flex items-baseline gap-2">
        <span className="text-2xl font-semibold tabular-nums text-zinc-900">{formatStatistic(estimate)}</span>
        <span className="text-sm text-zinc-500">{describeAgreement(estimate.value)}</span>
      </p>
      <p className="mt-1 text-sm tabular-nums text-zinc-600">{interval ? `95 % CI ${interval}` : "No interval yet"}</p>
      <p className="mt-2 text-xs text-zinc-500">{footnote}</p>
    </Card>
  );
}

/** The middle pair of the pairwise κ values, so one tile can stand for the whole matrix. */
function medianPairwise(field: FieldAgreementData): EstimateData & { pairs: number } {
  const measured = field.cohen.filter((pair) => pair.value !== null).sort((first, second) => first.value! - second.value!);
  const middle = measured[Math.floor((measured.length - 1) / 2)];
  return { value: middle?.value ?? null, lower: middle?.lower ?? null, upper: middle?.upper ?? null, pairs: measured.length };
}

/** α, Fleiss' κ and the median pairwise Cohen's κ of one field, each with its bootstrap interval and what it was measured on. */
export function AgreementTiles({ field, replicates, minSharedItems }: { field: FieldAgreementData; replicates: number; minSharedItems: number }) {
  const cohen = medianPairwise(field);
  return (
    <section aria-label={`Agreement on ${field.title}`} className="grid gap-4 md:grid-cols-3">
      <StatTile
        title={
          <>
            Krippendorff&apos;s <Greek letter="α" /> ({field.alpha.level})
          </>
        }
        estimate={field.alpha}
        footnote={`${countOf(field.alpha.pairableItems, "item")} with two or more answers; interval from ${replicates} bootstrap draws of items.`}
      />
      <StatTile
        title={
          <>
            Fleiss&apos; <Greek letter="κ" />
          </>
        }
        estimate={field.fleiss}
        footnote={
          field.fleiss.ratersPerItem === null
            ? "Needs items with at least two answers."
            : `Over the ${countOf(field.fleiss.items, "item")} with ${field.fleiss.ratersPerItem} answers each (the most common count).`
        }
      />
      <StatTile
        title={
          <>
            Cohen&apos;s <Greek letter="κ" />, median pair
          </>
        }
        estimate={cohen}
        footnote={`${countOf(cohen.pairs, "annotator pair")} with at least ${minSharedItems} items in common; the matrix below has every pair.`}
      />
    </section>
  );
}
