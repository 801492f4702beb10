import type { SamplingRule } from "@/server/queues/schema";
import { formatPercent } from "./sampling-rule-summary";

const STRATA_WORDS: Record<Exclude<SamplingRule["strataBy"], "none">, (rule: SamplingRule) => string> = {
  model: () => "model",
  tag: (rule) => `tag (${rule.strataTags.join(", ")}, other)`,
  metadata: (rule) => `metadata ${rule.strataKey}`,
};

/** The rule's strata, priority, floor, limits and thread mode, one short line each (none for a plain rule). */
export function describeSamplingScience(rule: SamplingRule): string[] {
  const lines: string[] = [];
  if (rule.strataBy !== "none") lines.push(`Strata by ${STRATA_WORDS[rule.strataBy](rule)}${rule.quotaPerDay === null ? "" : `, at least ${rule.quotaPerDay} a day each`}.`);
  else if (rule.quotaPerDay !== null) lines.push(`At least ${rule.quotaPerDay} a day.`);
  const priorities = [...rule.prioritySignals, ...(rule.priorityScoreBelow === null ? [] : [`score below ${rule.priorityScoreBelow}`])];
  if (priorities.length > 0 && rule.priorityMultiplier > 1) lines.push(`${rule.priorityMultiplier}× as likely with ${priorities.join(", ")}.`);
  if (rule.explorationFloor > 0) lines.push(`Every matching output has at least a ${formatPercent(rule.explorationFloor)} chance (exploration floor).`);
  // The budget fixes each day's rates from the days before, so π stays exact; a spike on the day itself is
  // sampled at those rates and can pass it. Say so, rather than promise a hard cap.
  if (rule.dailyBudget !== null) lines.push(`About ${rule.dailyBudget} items a day at most (budget), expected from recent traffic; a sudden spike can pass it.`);
  if (rule.maxPending !== null) lines.push(`Only the floor samples on days that start with ${rule.maxPending} or more items pending.`);
  if (rule.thread === "last_turn") lines.push(`One item per thread: its last turn, once the thread has been idle ${rule.threadIdleMinutes} minutes.`);
  return lines;
}
