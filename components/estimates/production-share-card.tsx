import { formatNumber } from "@/components/loop-health/window-format";
import { Card, CardHeader } from "@/components/ui/card";
import { countOf } from "@/components/ui/plural";
import { describeShare, formatShare } from "./share-format";
import type { QueueEstimatesData } from "./use-estimates";

/** What the estimate covers: outputs with π = 0 (no floor, outside the signal filter, no holdout) are not in it. */
function coverageNote(estimates: QueueEstimatesData): string {
  const { explorationFloor, signals } = estimates.samplingRule;
  if (explorationFloor > 0 || estimates.holdoutFraction > 0 || signals.length === 0) return "It covers every output of the queue's population.";
  return `Outputs without a ${signals.join(" or ")} signal have π = 0 under this rule, so the estimate covers only outputs with one; an exploration floor ε above 0 extends it to all of production.`;
}

/** Each option's estimated share of all production outputs the queue's rule matches, with its 95 % interval. */
export function ProductionShareCard({ estimates }: { estimates: QueueEstimatesData }) {
  return (
    <Card>
      <CardHeader
        title="Share of production"
        description={`${estimates.field.title}, estimated over all matching production outputs from ${countOf(estimates.items, "gold-labelled item")}, each weighted by 1/π.`}
      />
      <ul aria-label="Production estimates" className="divide-y divide-zinc-100">
        {estimates.shares.map((estimate) => (
          <li key={estimate.value} className="flex flex-wrap items-center justify-between gap-3 px-5 py-3">
            <span className="text-sm text-zinc-900">{describeShare(estimate)}</span>
            <span className="text-xs text-zinc-500 tabular-nums">
              95 % interval {formatShare(estimate.lower)} – {formatShare(estimate.upper)} · {estimate.items} labelled
            </span>
          </li>
        ))}
      </ul>
      <p className="border-t border-zinc-100 px-5 py-3 text-xs text-zinc-500">
        Hájek estimate Σ y/π ÷ Σ 1/π with a linearised Poisson-sampling interval; the labelled items stand for about {formatNumber(estimates.estimatedPopulation)} {estimates.estimatedPopulation === 1 ? "output" : "outputs"}.{" "}
        {coverageNote(estimates)}
        {estimates.manualItems > 0 && ` ${countOf(estimates.manualItems, "item")} added by hand ${estimates.manualItems === 1 ? "has" : "have"} no inclusion probability and ${estimates.manualItems === 1 ? "is" : "are"} left out.`}
      </p>
    </Card>
  );
}
