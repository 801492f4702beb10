import type { SignalKind } from "@/server/ingest/schema";
import type { SamplingRule } from "@/server/queues/schema";
import { drawHoldout, drawUniform } from "./draw";

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

/** A queue's rule and the fraction of its population it also draws uniformly into its holdout slice. */
export type SamplingQueue = { id: string; rule: SamplingRule; holdoutFraction: number };

/** A queue taking an output, with the inclusion probability π the item stores and whether the holdout draw took it. */
export type QueueDraw<Output> = { queueId: string; output: Output; inclusionProbability: number; isHoldout: boolean };

/**
 * True when an output belongs to the rule's population: one of its models, all of its tags, each metadata
 * pair by strict equality. Outputs without consent belong to no population.
 */
export function matchesPopulation(rule: SamplingRule, output: Pick<SamplingCandidate, "model" | "tags" | "metadata" | "consent">): boolean {
  if (!output.consent) return false;
  if (rule.models.length > 0 && (output.model === null || !rule.models.includes(output.model))) return false;
  if (!rule.tags.every((tag) => output.tags.includes(tag))) return false;
  for (const [key, value] of Object.entries(rule.metadata)) {
    if (!Object.hasOwn(output.metadata, key) || output.metadata[key] !== value) return false;
  }
  return true;
}

/** True when the rule asks for no signal, or the output has at least one of the kinds it asks for. */
export function matchesSignals(rule: SamplingRule, signalKinds: readonly (SignalKind | string)[]): boolean {
  return rule.signals.length === 0 || rule.signals.some((kind) => signalKinds.includes(kind));
}

/** True when an output passes every filter of the rule: its population filters and its signal filter. */
export function matchesRule(
  rule: SamplingRule,
  output: Pick<SamplingCandidate, "model" | "tags" | "metadata" | "consent">,
  signalKinds: readonly (SignalKind | string)[],
): boolean {
  return matchesPopulation(rule, output) && matchesSignals(rule, signalKinds);
}

/**
 * π of an output of the rule's population: the main draw (rate r, only when the signals match) and the
 * holdout draw (fraction h) are independent, so P(main or holdout) = 1 − (1 − r·[signals match])(1 − h).
 * Written so that h = 0 gives r and r = 1 gives 1 exactly.
 */
export function inclusionProbability(rate: number, isSignalMatch: boolean, holdoutFraction: number): number {
  const mainRate = isSignalMatch ? rate : 0;
  if (holdoutFraction <= 0) return mainRate;
  if (mainRate <= 0) return holdoutFraction;
  return 1 - (1 - mainRate) * (1 - holdoutFraction);
}

/**
 * Which queues take which outputs. An output of a queue's population is taken when its main draw falls below
 * the rate and the signal filter matches, or when its holdout draw falls below the holdout fraction
 * (the holdout ignores the signal filter, which acts as a priority rule). The item stores
 * π = P(main or holdout) and is_holdout = whether the holdout draw took it, so the holdout alone is a
 * uniform sample with π_h = h.
 */
export function planQueueItems<Output extends SamplingCandidate>(queues: readonly SamplingQueue[], outputs: readonly Output[]): QueueDraw<Output>[] {
  const draws: QueueDraw<Output>[] = [];
  for (const queue of queues) {
    const { rate } = queue.rule;
    const holdoutFraction = queue.holdoutFraction;
    if (rate <= 0 && holdoutFraction <= 0) continue;
    for (const output of outputs) {
      if (!matchesPopulation(queue.rule, output)) continue;
      const isSignalMatch = matchesSignals(queue.rule, output.signalKinds);
      const isMain = isSignalMatch && drawUniform(queue.id, output.externalId) < rate;
      const isHoldout = holdoutFraction > 0 && drawHoldout(queue.id, output.externalId) < holdoutFraction;
      if (!isMain && !isHoldout) continue;
      draws.push({ queueId: queue.id, output, inclusionProbability: inclusionProbability(rate, isSignalMatch, holdoutFraction), isHoldout });
    }
  }
  return draws;
}
