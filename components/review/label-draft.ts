import { z } from "zod";
import type { CategoricalField } from "@/server/queues/schema";

/** The label choices and note a reviewer or lead made but has not sent yet, as kept across a reload. */
export type LabelDraft = { values: Record<string, string>; note: string };

export const EMPTY_LABEL_DRAFT: LabelDraft = { values: {}, note: "" };

/** Drafts are per assignment on the review page and per item on the adjudication page. */
export const reviewDraftKey = (assignmentId: number) => `review/${assignmentId}`;
export const adjudicationDraftKey = (queueItemId: number) => `adjudication/${queueItemId}`;

const storedDraftSchema = z.object({ values: z.record(z.string(), z.string()), note: z.string().max(5_000) });

/** A stored draft, keeping only choices that are still options of the fields; undefined when it is not a draft. */
export function parseLabelDraft(stored: unknown, fields: readonly CategoricalField[]): LabelDraft | undefined {
  const parsed = storedDraftSchema.safeParse(stored);
  if (!parsed.success) return undefined;
  const values: Record<string, string> = {};
  for (const field of fields) {
    const chosen = parsed.data.values[field.key];
    if (chosen !== undefined && field.options.some((option) => option.value === chosen)) values[field.key] = chosen;
  }
  return { values, note: parsed.data.note };
}
