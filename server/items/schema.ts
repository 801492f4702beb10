import { z } from "zod";
import { safeText } from "@/server/lib/safe-text";

/**
 * A base64 Yjs update holding the client's copy of a correction document. The server merges it with the
 * stored document before reading the text, so the snapshot has every edit the annotator saw.
 */
export const yjsStateSchema = safeText(4_000_000, { tooLong: "the correction is too large" }).regex(/^[A-Za-z0-9+/]*={0,2}$/, "must be base64");

/** Chosen option value by field key, both bounded as the queue's label schema bounds them. */
export const labelValuesSchema = z.record(safeText(40), safeText(40).min(1, "pick a label"));
