import { formatLabelValue } from "@/components/labels/format-value";
import type { LabelValue } from "@/server/labels/answer-values";
import { answerFields } from "@/server/labels/label-schema";
import type { LabelSchema, QueueItemListState } from "@/server/queues/schema";

/** The item list's state filters, in the order an item moves through them. */
export const itemStateFilters: ReadonlyArray<{ value: QueueItemListState; label: string }> = [
  { value: "all", label: "All" },
  { value: "pending", label: "Pending" },
  { value: "in_review", label: "In review" },
  { value: "needs_resolution", label: "Resolving" },
  { value: "conflict", label: "Conflict" },
  { value: "resolved", label: "Resolved" },
  { value: "skipped_out", label: "Skipped out" },
];

/** A gold answer field by field as reviewers read it ("Helpful", or "Verdict: Helpful · Quality: 4 / 5"); a dash when there is no gold. */
export function describeGold(labelSchema: LabelSchema, values: Record<string, LabelValue> | null): string {
  if (!values) return "—";
  const fields = answerFields(labelSchema);
  const parts = fields.flatMap((field) => {
    const value = values[field.key];
    if (value === undefined) return [];
    const text = formatLabelValue(field, value);
    return fields.length === 1 ? [text] : [`${field.title}: ${text}`];
  });
  return parts.length > 0 ? parts.join(" · ") : "—";
}
