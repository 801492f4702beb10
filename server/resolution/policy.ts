import type { Json } from "@/db/types";
import type { Executor } from "@/db/executor";
import type { ConsensusMethod, LabelSchema } from "@/server/queues/schema";
import { decideWithModel, loadDawidSkeneModel, type DawidSkeneModel } from "@/server/truth/decide";
import { decideAnswers } from "@/server/labels/answers-consensus";
import { labelFieldSchema, type LabelField } from "@/server/labels/field-types";
import { resolveCorrections } from "./rules";
import type { GoldMethod } from "./schema";

type Field = LabelSchema["fields"][number];

/** How a queue turns one field's answers into gold: a share of votes, or a Dawid–Skene posterior. */
export type ConsensusPolicy =
  | { method: "majority"; field: LabelField; majorityThreshold: number; fallbackFrom?: "dawid_skene" }
  | { method: "dawid_skene"; field: LabelField; minPosterior: number; model: DawidSkeneModel };

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
  const { settings } = params;
  // Stored v1 fields parse as v2 fields (a required single choice): resolution names fields and options by title.
  const field = labelFieldSchema.parse(params.field);
  if (settings.consensusMethod === "majority" || field.type !== "categorical") return { method: "majority", field, majorityThreshold: settings.majorityThreshold };
  const classes = field.options.map((option) => option.value);
  const model = await loadDawidSkeneModel(db, { projectId: params.projectId, queueId: params.queueId, fieldKey: field.key, classes });
  if (model.method === "prior") return { method: "majority", field, majorityThreshold: settings.majorityThreshold, fallbackFrom: "dawid_skene" };
  return { method: "dawid_skene", field, minPosterior: settings.minPosterior, model };
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
  const votes = votesByAnnotator(answers, policy.field.key);
  const annotationIds = answers.map((answer) => answer.id);
  const corrections = resolveCorrections(answers.map((answer) => answer.correction));
  const label = decideLabel(policy, votes);
  if (label.kind === "conflict" || corrections.kind === "conflict") {
    return { kind: "conflict", reasons: [label, corrections].flatMap((outcome) => (outcome.kind === "conflict" ? [outcome.reason] : [])) };
  }
  return {
    kind: "gold",
    values: { [policy.field.key]: label.value },
    correction: corrections.correction,
    method: label.method,
    confidence: label.confidence,
    provenance: { ...label.provenance, votes, annotationIds },
  };
}

type LabelDecision =
  | { kind: "gold"; method: GoldMethod; value: string; confidence: number; provenance: Record<string, Json> }
  | { kind: "conflict"; reason: string };

/** The field's votes under the policy; a conflict's reason names the field and its options by their titles. */
function decideLabel(policy: ConsensusPolicy, votes: Record<string, string>): LabelDecision {
  const { field } = policy;
  if (policy.method === "majority") {
    const outcome = decideAnswers([field], Object.values(votes).map((vote) => ({ [field.key]: vote })), policy);
    if (outcome.kind === "conflict") return { kind: "conflict", reason: outcome.reasons.join("; ") };
    const provenance: Record<string, Json> = { threshold: policy.majorityThreshold };
    if (policy.fallbackFrom) provenance.fallback = "no Dawid–Skene fit of this queue yet: majority threshold used";
    const method = outcome.fields[field.key]?.rule === "unanimous" ? "unanimous" : "majority";
    return { kind: "gold", method, value: String(outcome.values[field.key]), confidence: outcome.confidence, provenance };
  }
  const decision = decideWithModel(policy.model, votes, policy.minPosterior);
  if (decision.kind === "undecided") return { kind: "conflict", reason: `${field.title}: ${decision.reason}` };
  return { kind: "gold", method: "dawid_skene", value: decision.value, confidence: decision.confidence, provenance: { ...decision.provenance, minPosterior: policy.minPosterior } };
}
