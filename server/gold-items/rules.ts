import type { LabelValues } from "@/server/labels/answer-values";

/** Whether one claim serves a gold check: true with probability `rate`. */
export function drawGoldCheck(rate: number, random: () => number = Math.random): boolean {
  return rate > 0 && random() < rate;
}

/** Whether an answer matches a gold check's known answer on every field the check names. */
export function isGoldAnswerCorrect(expected: Record<string, string>, answer: LabelValues): boolean {
  return Object.entries(expected).every(([fieldKey, value]) => answer[fieldKey] === value);
}
