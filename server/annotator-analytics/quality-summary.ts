import type { AgreementWithOthers } from "@/server/agreement/agreement-with-others-queries";
import type { GoldAccuracy } from "@/server/gold-items/accuracy-queries";
import { computeWilsonInterval } from "@/server/quality/wilson";
import type { AnnotatorReliability } from "@/server/truth/reliability-queries";

export type GoldSummary = { checks: number; correct: number; accuracy: number; lower: number; upper: number };
export type ReliabilitySummary = { reliability: number; labelCount: number; fits: number };
export type AgreementSummary = { agreement: number; pairs: number };

/** Gold checks pooled over queues: all checks and correct answers together, with one 95 % Wilson interval. */
export function summarizeGoldAccuracy(rows: readonly GoldAccuracy[]): GoldSummary | null {
  const checks = rows.reduce((total, row) => total + row.checks, 0);
  if (checks === 0) return null;
  const correct = rows.reduce((total, row) => total + row.correct, 0);
  const interval = computeWilsonInterval(correct, checks);
  return { checks, correct, accuracy: interval.proportion, lower: interval.lower, upper: interval.upper };
}

/** Reliability over the latest fits of every queue and field, each weighted by how many labels it rests on. */
export function summarizeReliability(rows: readonly AnnotatorReliability[]): ReliabilitySummary | null {
  const labelCount = rows.reduce((total, row) => total + row.labelCount, 0);
  if (labelCount === 0) return null;
  const weighted = rows.reduce((total, row) => total + row.reliability * row.labelCount, 0);
  return { reliability: weighted / labelCount, labelCount, fits: rows.length };
}

/** Agreement with the others, when the annotator shares at least one item with someone. */
export function summarizeAgreement(row: AgreementWithOthers | undefined): AgreementSummary | null {
  return row && row.agreement !== null ? { agreement: row.agreement, pairs: row.pairs } : null;
}
