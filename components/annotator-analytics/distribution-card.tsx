import { Card, CardHeader } from "@/components/ui/card";
import { countOf } from "@/components/ui/plural";
import { Table, Td, Th } from "@/components/ui/table";
import { LazyDistributionChart } from "./charts-lazy";
import { formatShare } from "./format";
import { ShowNumbers } from "@/components/ui/show-numbers";
import type { LabelDistributionData } from "./use-annotator-analytics";

function describeDistribution(distribution: LabelDistributionData, annotatorName: string): string {
  const shares = distribution.options.map((option) => `${option.title} ${formatShare(option.mineShare)} against ${formatShare(option.teamShare)}`).join(", ");
  return `${distribution.fieldTitle} in ${distribution.queueName}, ${annotatorName} against everyone else: ${shares}`;
}

/** One field's label distribution: this annotator's share of each option against everyone else's. */
export function DistributionCard({ distribution, annotatorName }: { distribution: LabelDistributionData; annotatorName: string }) {
  const title = `${distribution.fieldTitle} · ${distribution.queueName}`;
  return (
    <Card>
      <CardHeader
        title={title}
        description={`${countOf(distribution.mineTotal, "answer")} by ${annotatorName} against ${countOf(distribution.teamTotal, "answer")} by everyone else in this queue. A share far from the team's is worth a look, not proof of a problem.`}
      />
      <div className="px-3 pt-3 pb-1">
        <div role="img" aria-label={describeDistribution(distribution, annotatorName)} className="h-[220px]">
          <LazyDistributionChart options={distribution.options} annotatorName={annotatorName} />
        </div>
      </div>
      <ShowNumbers>
        <Table aria-label={`Label distribution: ${title}`}>
          <thead>
            <tr>
              <Th>Option</Th>
              <Th className="text-right">{annotatorName}</Th>
              <Th className="text-right">Share</Th>
              <Th className="text-right">Everyone else</Th>
              <Th className="text-right">Share</Th>
            </tr>
          </thead>
          <tbody>
            {distribution.options.map((option) => (
              <tr key={option.value}>
                <Td>
                  {option.title} <span className="font-mono text-xs text-zinc-500">{option.value}</span>
                </Td>
                <Td className="text-right tabular-nums">{option.mine}</Td>
                <Td className="text-right tabular-nums">{formatShare(option.mineShare)}</Td>
                <Td className="text-right tabular-nums">{option.team}</Td>
                <Td className="text-right tabular-nums">{formatShare(option.teamShare)}</Td>
              </tr>
            ))}
          </tbody>
        </Table>
      </ShowNumbers>
    </Card>
  );
}
