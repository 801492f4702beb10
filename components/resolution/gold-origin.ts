import type { GoldMethod } from "@/server/resolution/schema";

/** Who or what made a gold label, in words: the lead who decided it, the reliability-weighted fit, or the reviewers' agreement. */
export function describeGoldOrigin(gold: { resolvedByName: string | null; method: GoldMethod | string }, verb: "Decided" | "Finalized" = "Decided"): string {
  if (gold.resolvedByName) return `${verb} by ${gold.resolvedByName}`;
  if (gold.method === "dawid_skene") return "Weighed by each reviewer's measured reliability (Dawid–Skene)";
  return "Reached by agreement between reviewers";
}
