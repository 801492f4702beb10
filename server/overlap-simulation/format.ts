import type { OverlapPolicy, ReplayResult } from "./replay";

function describePolicy(policy: OverlapPolicy): string {
  return policy.kind === "fixed" ? `fixed k=${policy.k}` : `adaptive ${policy.min}→${policy.max}`;
}

const columns = ["policy", "labels spent", "per item", "accuracy", "left for a lead", "short of labels"] as const;

/** The replay as an aligned text table, one row per policy; figures are averages over the runs. */
export function formatReplayTable(result: ReplayResult): string {
  const rows = result.outcomes.map((outcome) => [
    describePolicy(outcome.policy),
    outcome.labelsSpent.toFixed(1),
    (outcome.labelsSpent / result.items).toFixed(2),
    outcome.accuracy.toFixed(4),
    outcome.leftForLead.toFixed(1),
    outcome.shortOfLabels.toFixed(1),
  ]);
  const widths = columns.map((title, index) => Math.max(title.length, ...rows.map((row) => row[index]!.length)));
  const align = (cells: readonly string[]) => cells.map((cell, index) => (index === 0 ? cell.padEnd(widths[index]!) : cell.padStart(widths[index]!))).join("  ");
  return [align(columns), ...rows.map(align)].join("\n");
}
