import { findMedoid } from "@/server/quality/medoid";
import { countVotes, resolveLabels } from "@/server/resolution/rules";
import type { PairwiseAnswer, RubricScore, LabelValue } from "./answer-values";
import type { CategoricalField, FreeTextField, LabelField, MultiSelectField, NumberField, PairwiseField, RatingField, RubricField } from "./field-types";

/**
 * Per-field consensus: what the answers to one field come to. Pure, so submit-time resolution, batch
 * re-evaluation and the tests decide alike. Reasons name options by their titles, as a lead reads them.
 */
export type FieldDecision =
  | { kind: "gold"; value: LabelValue; confidence: number; rule: string }
  | { kind: "conflict"; reason: string };

// Shares such as 2/3 are not exact in floating point; the same tolerance as the categorical rule.
const SHARE_TOLERANCE = 1e-9;

const optionTitle = (field: { options: { value: string; title: string }[] }, value: string) => field.options.find((option) => option.value === value)?.title ?? value;

function formatNumber(value: number): string {
  return Number.isInteger(value) ? String(value) : value.toFixed(2).replace(/0+$/, "");
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/** A single choice: unanimous, or a majority at the field's threshold (the queue's when the field sets none). */
function decideCategorical(field: CategoricalField, values: string[], queueThreshold: number): FieldDecision {
  const consensus = field.consensus ?? { rule: "majority", threshold: queueThreshold };
  const threshold = consensus.rule === "majority" ? consensus.threshold : 1;
  const outcome = resolveLabels(values, threshold);
  if (outcome.kind === "gold") return { kind: "gold", value: outcome.value, confidence: outcome.confidence, rule: outcome.method };
  const split = outcome.counts.map(({ value, count }) => `${optionTitle(field, value)} ${count}`).join(", ");
  return { kind: "conflict", reason: consensus.rule === "majority" ? `split ${split}, none reaches ${formatShare(threshold)}` : `not unanimous: ${split}` };
}

const formatShare = (share: number) => `${Math.round(share * 100)} %`;

/** Each option is in when at least `threshold` of the answers ticked it, out when at most 1 − threshold did; anything between is undecided. */
function decideMultiSelect(field: MultiSelectField, answers: string[][]): FieldDecision {
  const { threshold } = field.consensus;
  const chosen: string[] = [];
  const undecided: string[] = [];
  let confidence = 1;
  for (const option of field.options) {
    const share = answers.filter((answer) => answer.includes(option.value)).length / answers.length;
    if (share + SHARE_TOLERANCE >= threshold) chosen.push(option.value);
    else if (share > 1 - threshold + SHARE_TOLERANCE) undecided.push(`${option.title} ${formatShare(share)}`);
    confidence = Math.min(confidence, Math.max(share, 1 - share));
  }
  if (undecided.length > 0) return { kind: "conflict", reason: `options split: ${undecided.join(", ")}` };
  return { kind: "gold", value: chosen, confidence, rule: "per_option" };
}

/** Mean or median, when the answers lie within the field's spread; confidence falls as the spread uses up its allowance. */
function decideSpread(field: RatingField | NumberField, values: number[]): FieldDecision {
  const { rule, maxSpread } = field.consensus;
  const spread = Math.max(...values) - Math.min(...values);
  if (spread > maxSpread + SHARE_TOLERANCE) {
    return { kind: "conflict", reason: `answers spread ${formatNumber(spread)} (${formatNumber(Math.min(...values))} to ${formatNumber(Math.max(...values))}), more than ${formatNumber(maxSpread)}` };
  }
  const centre = rule === "mean" ? values.reduce((sum, value) => sum + value, 0) / values.length : median(values);
  const range = field.type === "rating" ? field.max - 1 : field.max - field.min;
  return { kind: "gold", value: centre, confidence: range > 0 ? 1 - spread / range : 1, rule };
}

function decideFreeText(field: FreeTextField, texts: string[]): FieldDecision {
  const medoid = findMedoid(texts);
  const farthest = Math.max(...medoid.distances);
  if (farthest > field.consensus.maxDistance + SHARE_TOLERANCE) {
    return { kind: "conflict", reason: `answers differ: ${formatShare(farthest)} of the text apart, more than ${formatShare(field.consensus.maxDistance)}` };
  }
  return { kind: "gold", value: medoid.text, confidence: 1 - medoid.meanDistance, rule: "medoid" };
}

function decideRubric(field: RubricField, answers: Record<string, RubricScore>[]): FieldDecision {
  const { threshold, maxSpread } = field.consensus;
  const scores: Record<string, RubricScore> = {};
  const reasons: string[] = [];
  let confidence = 1;
  for (const criterion of field.criteria) {
    const given = answers.map((answer) => answer[criterion.key]!);
    if (criterion.scale === "pass_fail") {
      const outcome = resolveLabels(given.map(String), threshold);
      if (outcome.kind === "conflict") reasons.push(`${criterion.title}: pass ${given.filter((score) => score === true).length}, fail ${given.filter((score) => score === false).length}`);
      else {
        scores[criterion.key] = outcome.value === "true";
        confidence = Math.min(confidence, outcome.confidence);
      }
      continue;
    }
    const numbers = given as number[];
    const spread = Math.max(...numbers) - Math.min(...numbers);
    if (spread > maxSpread) reasons.push(`${criterion.title}: scores ${numbers.join(", ")}`);
    else {
      scores[criterion.key] = median(numbers);
      confidence = Math.min(confidence, 1 - spread / 4);
    }
  }
  if (reasons.length > 0) return { kind: "conflict", reason: `criteria split: ${reasons.join("; ")}` };
  return { kind: "gold", value: scores, confidence, rule: "per_criterion" };
}

const choiceTitles = { a: "A", b: "B", tie: "tie" } as const;

/** Strength runs 1 (slightly) to 3 (much better): the widest spread two winners' strengths can have. */
const STRENGTH_RANGE = 2;

/**
 * The a/b/tie majority; a split is a tie or a conflict as the field says. Strength is the median of the
 * winners'. Winners who agree on the candidate but not on how much better it is agree less than fully, so
 * such gold is never unanimous: the confidence is the choice's share times the mean of full agreement and the
 * strengths' agreement (1 − spread / range, as a rating's), so strengths at both ends halve it.
 */
function decidePairwise(field: PairwiseField, answers: PairwiseAnswer[]): FieldDecision {
  const counts = countVotes(answers.map((answer) => answer.choice));
  const top = counts[0]!;
  const share = top.count / answers.length;
  const isMajority = share + SHARE_TOLERANCE >= field.consensus.threshold && (counts.length === 1 || top.count > counts[1]!.count);
  if (!isMajority) {
    const split = counts.map(({ value, count }) => `${choiceTitles[value as keyof typeof choiceTitles]} ${count}`).join(", ");
    if (field.consensus.onSplit === "conflict") return { kind: "conflict", reason: `preferences split: ${split}` };
    return { kind: "gold", value: { choice: "tie" }, confidence: 1 - share, rule: "split_is_tie" };
  }
  const choice = top.value as PairwiseAnswer["choice"];
  const strengths = answers.flatMap((answer) => (answer.choice === choice && answer.strength !== undefined ? [answer.strength] : []));
  const value: PairwiseAnswer = strengths.length > 0 && choice !== "tie" ? { choice, strength: Math.round(median(strengths)) } : { choice };
  const strengthSpread = strengths.length > 0 ? Math.max(...strengths) - Math.min(...strengths) : 0;
  const confidence = share * (1 + (1 - strengthSpread / STRENGTH_RANGE)) / 2;
  return { kind: "gold", value, confidence, rule: counts.length === 1 && strengthSpread === 0 ? "unanimous" : "majority" };
}

/**
 * What the given answers to one field come to under its policy. `values` are those of the answers that
 * answered it (at least one); a single choice without a rule of its own uses the queue's majority threshold.
 */
export function decideField(field: LabelField, values: readonly LabelValue[], queue: { majorityThreshold: number }): FieldDecision {
  if (values.length === 0) throw new RangeError("deciding a field needs at least one answer");
  switch (field.type) {
    case "categorical":
      return decideCategorical(field, values as string[], queue.majorityThreshold);
    case "multi_select":
      return decideMultiSelect(field, values as string[][]);
    case "rating":
    case "number":
      return decideSpread(field, values as number[]);
    case "free_text":
      return decideFreeText(field, values as string[]);
    case "rubric":
      return decideRubric(field, values as Record<string, RubricScore>[]);
    case "pairwise":
      return decidePairwise(field, values as PairwiseAnswer[]);
  }
}
