import type { Json } from "@/db/types";
import { PROBABILITY_FLOOR } from "@/server/quality/dawid-skene-em";
import type { DawidSkeneModel } from "./model";

export { loadDawidSkeneModel, type DawidSkeneModel } from "./model";

export type ConsensusDecision =
  | { kind: "gold"; value: string; confidence: number; provenance: Record<string, Json> }
  | { kind: "undecided"; value: string; confidence: number; reason: string };

/**
 * P(true class | votes) exactly as the EM's E-step computes it: log prior plus each vote's log confusion,
 * every probability floored at 1e-10, shifted by the row maximum before exponentiating. Votes whose value
 * is not one of the model's classes carry no evidence and are skipped.
 */
export function posteriorFromVotes(model: DawidSkeneModel, votes: Record<string, string>): number[] {
  const classIndex = new Map(model.classes.map((value, index) => [value, index]));
  const logs = model.priors.map((prior) => Math.log(Math.max(prior, PROBABILITY_FLOOR)));
  for (const [annotatorId, value] of Object.entries(votes)) {
    const given = classIndex.get(value);
    if (given === undefined) continue;
    const confusion = model.confusionByAnnotator.get(annotatorId) ?? model.fallbackConfusion;
    for (let truth = 0; truth < logs.length; truth += 1) logs[truth]! += Math.log(Math.max(confusion[truth]![given]!, PROBABILITY_FLOOR));
  }
  const maximum = Math.max(...logs);
  const scaled = logs.map((log) => Math.exp(log - maximum));
  const total = scaled.reduce((sum, value) => sum + value, 0);
  return scaled.map((value) => value / total);
}

/** P(the annotator's answer is right) under the model's priors: Σ_t prior_t · confusion[t][t]. */
export function reliabilityOf(model: DawidSkeneModel, annotatorId: string): number {
  const confusion = model.confusionByAnnotator.get(annotatorId) ?? model.fallbackConfusion;
  return model.priors.reduce((sum, prior, truth) => sum + prior * confusion[truth]![truth]!, 0);
}

/**
 * Gold when the most probable class (ties to the lowest class) reaches `minPosterior`; otherwise the
 * leading class with the reason it fell short.
 */
export function decideWithModel(model: DawidSkeneModel, votes: Record<string, string>, minPosterior: number): ConsensusDecision {
  if (model.classes.length === 0) return { kind: "undecided", value: "", confidence: 0, reason: "The field has no options to decide between." };
  const counted = Object.values(votes).filter((value) => model.classes.includes(value)).length;
  const posterior = posteriorFromVotes(model, votes);
  let best = 0;
  for (let index = 1; index < posterior.length; index += 1) if (posterior[index]! > posterior[best]!) best = index;
  const value = model.classes[best]!;
  const confidence = posterior[best]!;
  if (counted === 0) return { kind: "undecided", value, confidence, reason: "No answer names one of the field's options." };
  if (confidence < minPosterior) {
    return {
      kind: "undecided",
      value,
      confidence,
      reason: `The most probable value "${value}" has posterior ${confidence.toFixed(3)}, below the queue's minimum ${minPosterior}.`,
    };
  }
  const provenance: Record<string, Json> = {
    votes: { ...votes },
    weights: Object.fromEntries(Object.keys(votes).map((annotatorId) => [annotatorId, reliabilityOf(model, annotatorId)])),
    posterior: Object.fromEntries(model.classes.map((cls, index) => [cls, posterior[index]!])),
    fitId: model.fitId,
    model: model.method,
  };
  return { kind: "gold", value, confidence, provenance };
}
