import { z } from "zod";
import { keepFittingValues } from "@/components/labels/answer-check";
import type { LabelValues } from "@/server/labels/answer-values";
import type { LabelField } from "@/server/labels/field-types";

/** The answers and note a reviewer or lead gave but has not sent yet, as kept across a reload. */
export type LabelDraft = { values: LabelValues; note: string };

export const EMPTY_LABEL_DRAFT: LabelDraft = { values: {}, note: "" };

/** Drafts are per assignment on the review page and per item on the adjudication page. */
export const reviewDraftKey = (assignmentId: number) => `review/${assignmentId}`;
export const adjudicationDraftKey = (queueItemId: number) => `adjudication/${queueItemId}`;

const storedDraftSchema = z.object({ values: z.record(z.string(), z.unknown()), note: z.string().max(5_000) });

/** A stored draft, keeping only answers that still fit their fields; undefined when it is not a draft. */
export function parseLabelDraft(stored: unknown, fields: readonly LabelField[]): LabelDraft | undefined {
  const parsed = storedDraftSchema.safeParse(stored);
  if (!parsed.success) return undefined;
  return { values: keepFittingValues(fields, parsed.data.values), note: parsed.data.note };
}
