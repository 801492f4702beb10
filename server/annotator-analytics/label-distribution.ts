import { z } from "zod";

export type LabelValueCount = { queueId: string; fieldKey: string; value: string; isMine: boolean; answers: number };
export type QueueSchemaRow = { id: string; name: string; labelSchema: unknown };

export type OptionShare = { value: string; title: string; mine: number; team: number; mineShare: number; teamShare: number | null };
export type LabelDistribution = { queueId: string; queueName: string; fieldKey: string; fieldTitle: string; mineTotal: number; teamTotal: number; options: OptionShare[] };

// Read loosely: field types added later (numbers, ordinals) keep their key and title, and options when they have them.
const looseLabelSchema = z.object({
  fields: z.array(z.looseObject({ key: z.string(), title: z.string(), options: z.array(z.looseObject({ value: z.string(), title: z.string() })).optional() })),
});

function readFields(labelSchema: unknown) {
  const parsed = looseLabelSchema.safeParse(labelSchema);
  return parsed.success ? parsed.data.fields : [];
}

/**
 * Per queue and field this annotator answered: the share of each value in their answers against everyone
 * else's. Options come in schema order with zeros kept (a never-used option is a signal too); values no
 * longer in the schema follow, alphabetically.
 */
export function buildLabelDistributions(counts: readonly LabelValueCount[], queues: readonly QueueSchemaRow[]): LabelDistribution[] {
  const distributions: LabelDistribution[] = [];
  for (const queue of queues) {
    const fields = readFields(queue.labelSchema);
    const queueCounts = counts.filter((count) => count.queueId === queue.id);
    const fieldKeys = [...new Set([...fields.map((field) => field.key), ...queueCounts.map((count) => count.fieldKey)])];
    for (const fieldKey of fieldKeys) {
      const fieldCounts = queueCounts.filter((count) => count.fieldKey === fieldKey);
      const mineTotal = sumAnswers(fieldCounts.filter((count) => count.isMine));
      if (mineTotal === 0) continue;
      const teamTotal = sumAnswers(fieldCounts.filter((count) => !count.isMine));
      const field = fields.find((candidate) => candidate.key === fieldKey);
      const schemaOptions = field?.options ?? [];
      const extraValues = [...new Set(fieldCounts.map((count) => count.value))].filter((value) => !schemaOptions.some((option) => option.value === value)).sort();
      const options = [...schemaOptions, ...extraValues.map((value) => ({ value, title: value }))].map((option) => {
        const mine = sumAnswers(fieldCounts.filter((count) => count.isMine && count.value === option.value));
        const team = sumAnswers(fieldCounts.filter((count) => !count.isMine && count.value === option.value));
        return { value: option.value, title: option.title, mine, team, mineShare: mine / mineTotal, teamShare: teamTotal > 0 ? team / teamTotal : null };
      });
      distributions.push({ queueId: queue.id, queueName: queue.name, fieldKey, fieldTitle: field?.title ?? fieldKey, mineTotal, teamTotal, options });
    }
  }
  return distributions;
}

function sumAnswers(counts: readonly LabelValueCount[]): number {
  return counts.reduce((total, count) => total + count.answers, 0);
}
