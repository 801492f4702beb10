import { z } from "zod";
import { safeText } from "@/server/lib/safe-text";

/**
 * A base64 Yjs update holding the client's copy of a correction document. The server merges it with the
 * stored document before reading the text, so the snapshot has every edit the annotator saw.
 */
export const yjsStateSchema = safeText(4_000_000, { tooLong: "the correction is too large" }).regex(/^[A-Za-z0-9+/]*={0,2}$/, "must be base64");

const optionValue = safeText(40, { error: "an option value is text", tooLong: "an option value is at most 40 characters" });

/**
 * One field's answer in any of the shapes a field type takes: an option or a text, a number, ticked options,
 * scores per rubric criterion, or a pairwise preference. Only bounded here; the queue's label schema checks
 * which shape each field takes (server/labels/answer-values.ts).
 */
const labelValueSchema = z.union(
  [
    safeText(20_000, { tooLong: "an answer is at most 20,000 characters" }),
    z.number().finite(),
    z.array(optionValue).max(20, "tick at most 20 options"),
    z.strictObject({ choice: safeText(10), strength: z.number().finite().optional() }),
    z.record(safeText(40), z.union([z.boolean(), z.number().finite()])),
  ],
  "an answer is an option, a text, a number, a list of options, scores per criterion or a preference",
);

/** Each field's answer by field key (a field left out is unanswered). */
export const labelValuesSchema = z.record(safeText(40, { error: "a field key is text", tooLong: "a field key is at most 40 characters" }), labelValueSchema);
