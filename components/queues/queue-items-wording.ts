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

/** A gold answer as option titles, field by field ("Verdict: Helpful"); a dash when there is no gold. */
export function describeGold(labelSchema: LabelSchema, values: Record<string, string> | null): string {
  if (!values) return "—";
  const parts = labelSchema.fields.flatMap((field) => {
    const value = values[field.key];
    if (value === undefined) return [];
    const title = field.options.find((option) => option.value === value)?.title ?? value;
    return labelSchema.fields.length === 1 ? [title] : [`${field.title}: ${title}`];
  });
  return parts.length > 0 ? parts.join(" · ") : "—";
}
