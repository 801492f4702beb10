import type { SignalKind } from "@/server/ingest/schema";
import type { SamplingRule } from "@/server/queues/schema";
import { drawUniform } from "./draw";

/** What sampling needs to know about an output, stored or about to be. */
export type SamplingCandidate = {
  externalId: string;
  model: string | null;
  tags: readonly string[];
  metadata: Readonly<Record<string, unknown>>;
  consent: boolean;
  /** Kinds of the production signals recorded for it so far. */
  signalKinds: readonly string[];
};
export type StoredSamplingOutput = SamplingCandidate & { id: number; contentHash: string };

export type SamplingQueue = { id: string; rule: SamplingRule };

/** A queue taking an output, with the inclusion probability π the item stores. */
export type QueueDraw<Output> = { queueId: string; output: Output; inclusionProbability: number };

/**
 * True when an output passes every filter of the rule: one of its models, all of its tags, each metadata
 * pair by strict equality, and at least one signal of its kinds. Outputs without consent match nothing.
 */
export function matchesRule(
  rule: SamplingRule,
  output: Pick<SamplingCandidate, "model" | "tags" | "metadata" | "consent">,
  signalKinds: readonly (SignalKind | string)[],
): boolean {
  if (!output.consent) return false;
  if (rule.models.length > 0 && (output.model === null || !rule.models.includes(output.model))) return false;
  if (!rule.tags.every((tag) => output.tags.includes(tag))) return false;
  for (const [key, value] of Object.entries(rule.metadata)) {
    if (!Object.hasOwn(output.metadata, key) || output.metadata[key] !== value) return false;
  }
  return rule.signals.length === 0 || rule.signals.some((kind) => signalKinds.includes(kind));
}

/** Which queues take which outputs: the rule must match, then the draw must fall below the rate (π = rate). */
export function planQueueItems<Output extends SamplingCandidate>(queues: readonly SamplingQueue[], outputs: readonly Output[]): QueueDraw<Output>[] {
  const draws: QueueDraw<Output>[] = [];
  for (const queue of queues) {
    const { rate } = queue.rule;
    if (rate <= 0) continue;
    for (const output of outputs) {
      if (!matchesRule(queue.rule, output, output.signalKinds)) continue;
      if (drawUniform(queue.id, output.externalId) >= rate) continue;
      draws.push({ queueId: queue.id, output, inclusionProbability: rate });
    }
  }
  return draws;
}
