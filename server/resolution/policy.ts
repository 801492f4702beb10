import type { Json } from "@/db/types";
import type { Executor } from "@/db/executor";
import type { ConsensusMethod, LabelSchema } from "@/server/queues/schema";
import { decideWithModel, loadDawidSkeneModel, type DawidSkeneModel } from "@/server/truth/decide";
import { resolveCorrections, resolveLabels } from "./rules";
import type { GoldMethod } from "./schema";

type Field = LabelSchema["fields"][number];

/** How a queue turns one field's answers into gold: a share of votes, or a Dawid–Skene posterior. */
export type ConsensusPolicy =
  | { method: "majority"; fieldKey: string; majorityThreshold: number; fallbackFrom?: "dawid_skene" }
  | { method: "dawid_skene"; fieldKey: string; minPosterior: number; model: DawidSkeneModel };

export type QueuePolicySettings = { consensusMethod: ConsensusMethod; majorityThreshold: number; minPosterior: number };

/**
 * The queue's policy for a field; the Dawid–Skene model (the latest fit, over the field's options in schema
 * order) is read once here. Before a queue's first fit there is nobody's reliability to weigh, and a default
 * one would send agreeing answers to a lead (two 70 % annotators agreeing reach only 0.845), so until then
 * a Dawid–Skene queue resolves by its majority threshold and says so in the gold's provenance.
 */
export async function loadConsensusPolicy(
  db: Executor,
  params: { projectId: string; queueId: string; field: Field; settings: QueuePolicySettings },
): Promise<ConsensusPolicy> {
  const { field, settings } = params;
  if (settings.consensusMethod === "majority") return { method: "majority", fieldKey: field.key, majorityThreshold: settings.majorityThreshold };
  const classes = field.options.map((option) => option.value);
  const model = await loadDawidSkeneModel(db, { projectId: params.projectId, queueId: params.queueId, fieldKey: field.key, classes });
  if (model.method === "prior") return { method: "majority", fieldKey: field.key, majorityThreshold: settings.majorityThreshold, fallbackFrom: "dawid_skene" };
  return { method: "dawid_skene", fieldKey: field.key, minPosterior: settings.minPosterior, model };
}

/** One counted answer, as resolution reads it. */
export type CountedAnswer = { id: number; annotatorId: string; values: Json; correction: string | null };

export type ItemDecision =
  | { kind: "gold"; values: Record<string, string>; correction: string | null; method: GoldMethod; confidence: number; provenance: Record<string, Json> }
  | { kind: "conflict"; reasons: string[] };

/** Each annotator's answer to the policy's field. */
export function votesByAnnotator(answers: readonly CountedAnswer[], fieldKey: string): Record<string, string> {
  return Object.fromEntries(answers.map((answer) => [answer.annotatorId, String((answer.values as Record<string, Json>)[fieldKey])]));
}

/**
 * What an item's counted answers come to under the queue's policy: gold when the label reaches the policy
 * (a share of votes, or a posterior) and the corrections agree; otherwise a conflict with its reasons.
 * Pure, so submit-time resolution and batch re-evaluation decide alike.
 */
export function decideItem(policy: ConsensusPolicy, answers: readonly CountedAnswer[]): ItemDecision {
  if (answers.length === 0) return { kind: "conflict", reasons: ["no counted answers"] };
  const votes = votesByAnnotator(answers, policy.fieldKey);
  const annotationIds = answers.map((answer) => answer.id);
  const corrections = resolveCorrections(answers.map((answer) => answer.correction));
  const label = decideLabel(policy, votes);
  if (label.kind === "conflict" || corrections.kind === "conflict") {
    return { kind: "conflict", reasons: [label, corrections].flatMap((outcome) => (outcome.kind === "conflict" ? [outcome.reason] : [])) };
  }
  return {
    kind: "gold",
    values: { [policy.fieldKey]: label.value },
    correction: corrections.correction,
    method: label.method,
    confidence: label.confidence,
    provenance: { ...label.provenance, votes, annotationIds },
  };
}

type LabelDecision =
  | { kind: "gold"; method: GoldMethod; value: string; confidence: number; provenance: Record<string, Json> }
  | { kind: "conflict"; reason: string };

function decideLabel(policy: ConsensusPolicy, votes: Record<string, string>): LabelDecision {
  if (policy.method === "majority") {
    const outcome = resolveLabels(Object.values(votes), policy.majorityThreshold);
    if (outcome.kind === "conflict") return outcome;
    const provenance: Record<string, Json> = { threshold: policy.majorityThreshold };
    if (policy.fallbackFrom) provenance.fallback = "no Dawid–Skene fit of this queue yet: majority threshold used";
    return { kind: "gold", method: outcome.method, value: outcome.value, confidence: outcome.confidence, provenance };
  }
  const decision = decideWithModel(policy.model, votes, policy.minPosterior);
  if (decision.kind === "undecided") return { kind: "conflict", reason: decision.reason };
  return { kind: "gold", method: "dawid_skene", value: decision.value, confidence: decision.confidence, provenance: { ...decision.provenance, minPosterior: policy.minPosterior } };
}
