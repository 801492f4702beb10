import type { SignalKind } from "@/server/ingest/schema";
import type { SamplingRule } from "@/server/queues/schema";
import { drawHoldout, drawUniform } from "./draw";
import { inclusionProbability, mainProbability, rateForStratum, type DayPlan } from "./rates";
import { stratumOf } from "./strata";

/** What sampling needs to know about an output, stored or about to be. */
export type SamplingCandidate = {
  externalId: string;
  model: string | null;
  tags: readonly string[];
  metadata: Readonly<Record<string, unknown>>;
  consent: boolean;
  /** Kinds of the production signals recorded so far: the output's own, or its whole thread's for a last-turn queue. */
  signalKinds: readonly string[];
  /** The lowest `score` signal among those, or null. */
  minScore: number | null;
  /** The UTC day (YYYY-MM-DD) the output was produced on: the day whose plan sets its rate. */
  day: string;
  /** True when the output is its thread's last turn: it has no session, or its session has been idle since it. */
  isThreadEnd: boolean;
  /** True when the output was ingested with two or more candidates: only such outputs are compared pairwise. */
  hasCandidates?: boolean;
};
export type StoredSamplingOutput = SamplingCandidate & { id: number; contentHash: string };

/** A queue's rule and the fraction of its population it also draws uniformly into its holdout slice. */
export type SamplingQueue = {
  id: string;
  rule: SamplingRule;
  holdoutFraction: number;
  /** A queue with a pairwise field: its population is only outputs with candidates, since there is nothing to compare otherwise. */
  comparesCandidates?: boolean;
};

/** A queue taking an output, with the π the item stores, its stratum, and whether the holdout draw or priority took part. */
export type QueueDraw<Output> = { queueId: string; output: Output; inclusionProbability: number; isHoldout: boolean; stratum: string; isPrioritized: boolean };

/** The day plan of a queue for a day; every (queue, day) a population output falls on must have one. */
export type PlanLookup = (queueId: string, day: string) => DayPlan;

/**
 * True when an output belongs to the rule's population: one of its models, all of its tags, each metadata
 * pair by strict equality, and (for a last-turn rule) the last turn of its thread. Outputs without consent
 * belong to no population.
 */
export function matchesPopulation(
  rule: SamplingRule,
  output: Pick<SamplingCandidate, "model" | "tags" | "metadata" | "consent" | "hasCandidates"> & { isThreadEnd?: boolean },
  comparesCandidates = false,
): boolean {
  if (!output.consent) return false;
  if (comparesCandidates && !output.hasCandidates) return false;
  if (rule.thread === "last_turn" && output.isThreadEnd === false) return false;
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

/** True when the output has negative feedback the rule prioritises: one of its priority signals, or a score below its threshold. */
export function isPrioritized(rule: SamplingRule, output: Pick<SamplingCandidate, "signalKinds" | "minScore">): boolean {
  if (rule.prioritySignals.some((kind) => output.signalKinds.includes(kind))) return true;
  return rule.priorityScoreBelow !== null && output.minScore !== null && output.minScore < rule.priorityScoreBelow;
}

/** True when no plan can give the queue a draw: rate, quota, floor and holdout all nothing (an imported queue, for one). */
export function isDormant(queue: SamplingQueue): boolean {
  const { rule } = queue;
  return rule.rate <= 0 && rule.quotaPerDay === null && rule.explorationFloor <= 0 && queue.holdoutFraction <= 0;
}

/** The (queue, day) pairs whose plans drawing these outputs needs. */
export function listPlanDays(queues: readonly SamplingQueue[], outputs: readonly SamplingCandidate[]): { queueId: string; day: string }[] {
  const pairs = new Map<string, { queueId: string; day: string }>();
  for (const queue of queues) {
    if (isDormant(queue)) continue;
    for (const output of outputs) {
      if (matchesPopulation(queue.rule, output, queue.comparesCandidates)) pairs.set(`${queue.id}|${output.day}`, { queueId: queue.id, day: output.day });
    }
  }
  return [...pairs.values()];
}

/**
 * Which queues take which outputs. An output of a queue's population gets
 * π_main = max(ε, [signal filter matches] · min(1, r_{stratum,day} · m^[prioritised])) from its day's plan,
 * and is taken when its main draw falls below π_main or its holdout draw below h. The item stores
 * π = 1 − (1 − π_main)(1 − h) and is_holdout = whether the holdout draw took it, so the holdout alone is a
 * uniform sample with π_h = h.
 */
export function planQueueItems<Output extends SamplingCandidate>(queues: readonly SamplingQueue[], outputs: readonly Output[], planFor: PlanLookup): QueueDraw<Output>[] {
  const draws: QueueDraw<Output>[] = [];
  for (const queue of queues) {
    if (isDormant(queue)) continue;
    const { rule, holdoutFraction } = queue;
    for (const output of outputs) {
      if (!matchesPopulation(rule, output, queue.comparesCandidates)) continue;
      const stratum = stratumOf(rule, output);
      const prioritized = isPrioritized(rule, output);
      const main = mainProbability(rule, rateForStratum(planFor(queue.id, output.day), stratum), matchesSignals(rule, output.signalKinds), prioritized);
      const isMain = drawUniform(queue.id, output.externalId) < main;
      const isHoldout = holdoutFraction > 0 && drawHoldout(queue.id, output.externalId) < holdoutFraction;
      if (!isMain && !isHoldout) continue;
      draws.push({ queueId: queue.id, output, inclusionProbability: inclusionProbability(main, holdoutFraction), isHoldout, stratum, isPrioritized: prioritized });
    }
  }
  return draws;
}

/**
 * True when the rule gives every output of its population the same π on a given day: no signal filter, no
 * quota per stratum and no priority. Budget and cap scale a whole day's rates alike, so they keep it uniform.
 */
export function isUniformSamplingRule(rule: SamplingRule): boolean {
  const hasQuota = rule.strataBy !== "none" && rule.quotaPerDay !== null;
  const hasPriority = rule.priorityMultiplier > 1 && (rule.prioritySignals.length > 0 || rule.priorityScoreBelow !== null);
  return rule.signals.length === 0 && !hasQuota && !hasPriority && rule.thread === "every_output";
}
