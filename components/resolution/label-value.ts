import type { LabelField } from "@/server/labels/field-types";

/** Answers per option of every single or multiple choice field, so the lead sees the split on the options. */
export function countVotesByField(fields: readonly LabelField[], answers: Array<{ values: Record<string, unknown> }>): Record<string, Record<string, number>> {
  const votes: Record<string, Record<string, number>> = {};
  for (const field of fields) {
    if (field.type !== "categorical" && field.type !== "multi_select") continue;
    const counts: Record<string, number> = {};
    for (const answer of answers) {
      const raw = answer.values[field.key];
      const chosen = Array.isArray(raw) ? raw : [raw];
      for (const value of chosen) if (typeof value === "string" && field.options.some((option) => option.value === value)) counts[value] = (counts[value] ?? 0) + 1;
    }
    votes[field.key] = counts;
  }
  return votes;
}
