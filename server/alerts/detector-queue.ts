import type { Json } from "@/db/types";
import { samplingRuleSchema } from "@/server/queues/schema";
import { isUniformSamplingRule } from "@/server/sampling/rule";

/** What the detectors need to know of a stored queue: its holdout fraction and whether its rule samples uniformly. */
export function toDetectorQueue<Queue extends { id: string; holdoutFraction: number; samplingRule: Json }>(queue: Queue) {
  const { samplingRule, ...rest } = queue;
  const rule = samplingRuleSchema.safeParse(samplingRule);
  return { ...rest, isUniformSample: rule.success && isUniformSamplingRule(rule.data) };
}
