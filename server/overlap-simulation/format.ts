import type { OverlapPolicy, ReplayResult } from "./replay";
import { nearUnanimousShare } from "@/server/resolution/rules";

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

/**
 * Why adaptive overlap took no more labels than fixed k = min, when the threshold is the reason: a
 * (min−1)-to-1 split already reaches it, so on two options no item ever falls short. Null otherwise.
 */
export function explainIdleAdaptive(result: ReplayResult, settings: { min: number; max: number; threshold: number }): string | null {
  const { min, max, threshold } = settings;
  const fixedMin = result.outcomes.find((outcome) => outcome.policy.kind === "fixed" && outcome.policy.k === min);
  const adaptive = result.outcomes.find((outcome) => outcome.policy.kind === "adaptive");
  if (!fixedMin || !adaptive || max <= min || min < 2 || adaptive.labelsSpent > fixedMin.labelsSpent) return null;
  const nearUnanimous = nearUnanimousShare(min);
  if (threshold > nearUnanimous) return null;
  const next = Math.ceil(nearUnanimous * 100 + 1e-9) / 100;
  return `Adaptive never asked for more: at k = ${min} a ${min - 1}–1 split already reaches the threshold ${threshold}, so no item fell short of it. Try --threshold ${next.toFixed(2)} to grow the review on any split.`;
}
