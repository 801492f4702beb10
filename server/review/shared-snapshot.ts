import type { LabelValues } from "@/server/labels/answer-values";

/**
 * What one approval of a shared answer approved, as one comparable string: the answer's values (keys
 * sorted, so the order they were written in does not matter) and the correction. Two approvals count
 * together only when their strings are equal.
 */
export function buildSnapshotKey(values: LabelValues, correction: string | null): string {
  const sorted = Object.fromEntries(Object.entries(values).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  return JSON.stringify({ values: sorted, correction });
}
