import type { SamplingRule } from "@/server/queues/schema";

/** A share as a percentage without noise: 0.05 → "5%", 0.005 → "0.5%". */
export function formatPercent(share: number): string {
  return `${Number((share * 100).toFixed(share < 0.01 ? 2 : 1))}%`;
}

function joinOr(items: string[]): string {
  return items.length <= 1 ? (items[0] ?? "") : `${items.slice(0, -1).join(", ")} or ${items[items.length - 1]}`;
}

/** A sampling rule in one sentence, for leads checking what a queue takes. */
export function describeSamplingRule(rule: SamplingRule): string {
  const filters: string[] = [];
  if (rule.models.length > 0) filters.push(`from ${joinOr(rule.models)}`);
  if (rule.tags.length > 0) filters.push(`tagged ${rule.tags.join(" and ")}`);
  const pairs = Object.entries(rule.metadata).map(([key, value]) => `${key} = ${JSON.stringify(value)}`);
  if (pairs.length > 0) filters.push(`with metadata ${pairs.join(" and ")}`);
  if (rule.signals.length > 0) filters.push(`with a ${joinOr(rule.signals)} signal`);
  const subject = filters.length > 0 ? `outputs ${filters.join(", ")}` : "every output";
  if (rule.rate >= 1) return `Takes ${subject}.`;
  if (rule.rate <= 0) return `Takes nothing: the rate is 0 (filter: ${subject}).`;
  return `Takes ${formatPercent(rule.rate)} of ${subject}.`;
}
