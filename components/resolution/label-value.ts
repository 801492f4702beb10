import type { CategoricalField } from "@/server/queues/schema";

/** The chosen option of `field` in a stored values object, with its title; stored values are JSON, so check the type. */
export function readChosenOption(field: CategoricalField, values: Record<string, unknown>): { value: string | null; title: string } {
  const raw = values[field.key];
  const value = typeof raw === "string" ? raw : null;
  const option = field.options.find((candidate) => candidate.value === value);
  return { value, title: option?.title ?? value ?? "no label" };
}

/** Votes per option value across answers, so the lead sees the split on the picker. */
export function countVotes(field: CategoricalField, answers: Array<{ values: Record<string, unknown> }>): Record<string, number> {
  const votes: Record<string, number> = {};
  for (const answer of answers) {
    const { value } = readChosenOption(field, answer.values);
    if (value) votes[value] = (votes[value] ?? 0) + 1;
  }
  return votes;
}
