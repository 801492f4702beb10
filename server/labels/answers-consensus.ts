import type { LabelValue, LabelValues } from "./answer-values";
import { decideField, type FieldDecision } from "./field-consensus";
import type { LabelField } from "./field-types";

export type AnswersDecision =
  | {
      kind: "gold";
      values: LabelValues;
      /** The least confident required field's confidence: the gold is as sure as its weakest part. */
      confidence: number;
      /** How each decided field was decided, for the gold's provenance. */
      fields: Record<string, { rule: string; confidence: number }>;
      /** Optional fields left out of the gold because their answers did not agree, with why. */
      unresolvedOptional: string[];
    }
  | { kind: "conflict"; reasons: string[] };

/**
 * What an item's answers come to, field by field: gold when every required field resolves, otherwise a
 * conflict whose reasons name each unresolved field by its title. An optional field nobody answered is
 * left out; one whose answers disagree is left out too, and named in `unresolvedOptional`.
 */
export function decideAnswers(fields: readonly LabelField[], answers: readonly LabelValues[], queue: { majorityThreshold: number }): AnswersDecision {
  const values: LabelValues = {};
  const decided: Record<string, { rule: string; confidence: number }> = {};
  const reasons: string[] = [];
  const unresolvedOptional: string[] = [];
  let confidence = 1;
  for (const field of fields) {
    const given = answers.flatMap((answer) => (answer[field.key] === undefined ? [] : [answer[field.key] as LabelValue]));
    const decision: FieldDecision = given.length > 0 ? decideField(field, given, queue) : { kind: "conflict", reason: "nobody answered it" };
    if (decision.kind === "gold") {
      values[field.key] = decision.value;
      decided[field.key] = { rule: decision.rule, confidence: decision.confidence };
      if (field.required) confidence = Math.min(confidence, decision.confidence);
    } else if (field.required) reasons.push(`${field.title}: ${decision.reason}`);
    else if (given.length > 0) unresolvedOptional.push(`${field.title}: ${decision.reason}`);
  }
  if (reasons.length > 0) return { kind: "conflict", reasons };
  return { kind: "gold", values, confidence, fields: decided, unresolvedOptional };
}
