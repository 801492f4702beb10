import type { Json } from "@/db/types";
import type { Executor } from "@/db/executor";
import type { LabelValue, LabelValues } from "@/server/labels/answer-values";
import { decideAnswers } from "@/server/labels/answers-consensus";
import type { CategoricalField, CorrectedOutputField, LabelField } from "@/server/labels/field-types";
import { answerFields, correctionField } from "@/server/labels/label-schema";
import { primaryChoiceField, type ConsensusMethod, type LabelSchema } from "@/server/queues/schema";
import { decideWithModel, loadDawidSkeneModel, type DawidSkeneModel } from "@/server/truth/decide";
import { resolveCorrections } from "./rules";
import type { GoldMethod } from "./schema";

/**
 * How a queue turns an item's answers into gold. Every field has its own consensus rule (see
 * server/labels/field-consensus.ts); on a Dawid–Skene queue the first single-choice field is decided by the
 * posterior of the queue's latest fit instead.
 */
export type ConsensusPolicy = {
  fields: readonly LabelField[];
  majorityThreshold: number;
  /** The corrected-output field: how corrections agree (identical when absent) and whether gold waits for them. */
  correction?: Pick<CorrectedOutputField, "title" | "required" | "consensus">;
  /** Set on a Dawid–Skene queue once it has a fit: this field is decided by its posterior. */
  dawidSkene?: { field: CategoricalField; minPosterior: number; model: DawidSkeneModel };
  /** A Dawid–Skene queue without a fit yet resolves by its majority threshold and says so. */
  fallbackFrom?: "dawid_skene";
};

export type QueuePolicySettings = { consensusMethod: ConsensusMethod; majorityThreshold: number; minPosterior: number };

/**
 * The queue's policy; the Dawid–Skene model (the latest fit, over the field's options in schema order) is
 * read once here. Before a queue's first fit there is nobody's reliability to weigh, and a default one would
 * send agreeing answers to a lead (two 70 % annotators agreeing reach only 0.845), so until then a
 * Dawid–Skene queue resolves by its majority threshold and says so in the gold's provenance.
 */
export async function loadConsensusPolicy(
  db: Executor,
  params: { projectId: string; queueId: string; labelSchema: LabelSchema; settings: QueuePolicySettings },
): Promise<ConsensusPolicy> {
  const { labelSchema, settings } = params;
  const base: ConsensusPolicy = { fields: answerFields(labelSchema), majorityThreshold: settings.majorityThreshold, correction: correctionField(labelSchema) };
  const field = primaryChoiceField(labelSchema);
  if (settings.consensusMethod === "majority" || !field) return base;
  const classes = field.options.map((option) => option.value);
  const model = await loadDawidSkeneModel(db, { projectId: params.projectId, queueId: params.queueId, fieldKey: field.key, classes });
  if (model.method === "prior") return { ...base, fallbackFrom: "dawid_skene" };
  return { ...base, dawidSkene: { field, minPosterior: settings.minPosterior, model } };
}

/** One counted answer, as resolution reads it. */
export type CountedAnswer = { id: number; annotatorId: string; values: Json; correction: string | null };

export type ItemDecision =
  | { kind: "gold"; values: LabelValues; correction: string | null; method: GoldMethod; confidence: number; provenance: Record<string, Json> }
  | { kind: "conflict"; reasons: string[] };

/** Each annotator's answer to one field, as text (the votes a lead and the provenance read). */
export function votesByAnnotator(answers: readonly CountedAnswer[], fieldKey: string): Record<string, string> {
  return Object.fromEntries(answers.map((answer) => [answer.annotatorId, String((answer.values as Record<string, Json>)[fieldKey])]));
}

const valuesOf = (answer: CountedAnswer) => answer.values as LabelValues;

/**
 * What an item's counted answers come to under the queue's policy: gold when every required field resolves
 * and the corrections agree; otherwise a conflict whose reasons name each field by its title. Pure, so
 * submit-time resolution and batch re-evaluation decide alike.
 */
export function decideItem(policy: ConsensusPolicy, answers: readonly CountedAnswer[]): ItemDecision {
  if (answers.length === 0) return { kind: "conflict", reasons: ["no counted answers"] };
  const modelled = policy.dawidSkene;
  const ruled = decideAnswers(
    policy.fields.filter((field) => field.key !== modelled?.field.key),
    answers.map(valuesOf),
    policy,
  );
  const reasons = ruled.kind === "conflict" ? [...ruled.reasons] : [];
  const unresolvedOptional = ruled.kind === "gold" ? [...ruled.unresolvedOptional] : [];
  const values: Record<string, LabelValue> = {};
  const provenance: Record<string, Json> = { threshold: policy.majorityThreshold };
  let confidence = ruled.kind === "gold" ? ruled.confidence : 0;
  let method: GoldMethod = "majority";
  if (ruled.kind === "gold") {
    Object.assign(values, ruled.values);
    provenance.fields = ruled.fields;
    // Every field's answers were the same: unanimous, whatever each field's rule.
    if (ruled.confidence === 1) method = "unanimous";
  }
  if (policy.fallbackFrom) provenance.fallback = "no Dawid–Skene fit of this queue yet: majority threshold used";
  if (modelled) {
    const votes = votesByAnnotator(answers, modelled.field.key);
    const decision = decideWithModel(modelled.model, votes, modelled.minPosterior);
    if (decision.kind === "undecided") reasons.push(`${modelled.field.title}: ${decision.reason}`);
    else {
      values[modelled.field.key] = decision.value;
      confidence = Math.min(confidence, decision.confidence);
      method = "dawid_skene";
      Object.assign(provenance, decision.provenance, { minPosterior: modelled.minPosterior });
    }
  }
  const corrections = resolveCorrections(
    answers.map((answer) => answer.correction),
    policy.correction?.consensus,
  );
  // An optional correction that does not agree leaves the gold without one, as an optional field is left out;
  // the flag keeps such gold out of datasets that would teach the original output the reviewers changed.
  const isCorrectionDisputed = corrections.kind === "conflict" && policy.correction?.required === false;
  if (isCorrectionDisputed) unresolvedOptional.push(`${policy.correction!.title}: ${corrections.reason}`);
  else if (corrections.kind === "conflict") reasons.push(corrections.reason);
  if (reasons.length > 0) return { kind: "conflict", reasons };
  if (unresolvedOptional.length > 0) provenance.unresolvedOptional = unresolvedOptional;
  if (isCorrectionDisputed) provenance.correctionDisputed = true;
  // Close or optional corrections that were not all the same text make the gold a majority's, not everyone's.
  if (method === "unanimous" && (corrections.kind === "conflict" || corrections.confidence < 1)) method = "majority";
  const primary = modelled?.field ?? primaryChoiceField({ fields: policy.fields });
  return {
    kind: "gold",
    values: orderedLike(policy.fields, values),
    correction: corrections.kind === "agreed" ? corrections.correction : null,
    method,
    confidence: corrections.kind === "agreed" ? Math.min(confidence, corrections.confidence) : confidence,
    provenance: { ...provenance, votes: primary ? votesByAnnotator(answers, primary.key) : {}, annotationIds: answers.map((answer) => answer.id) },
  };
}

/** The values in the schema's field order, as answers are stored. */
function orderedLike(fields: readonly LabelField[], values: Record<string, LabelValue>): LabelValues {
  return Object.fromEntries(fields.flatMap((field) => (values[field.key] === undefined ? [] : [[field.key, values[field.key]!]])));
}
