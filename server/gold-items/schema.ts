import { z } from "zod";
import { safeText } from "@/server/lib/safe-text";

const queueId = z.uuid("queueId must be a queue id");
const positiveId = (name: string, what: string) => z.number().int(`${name} must be ${what}`).positive(`${name} must be ${what}`);

export const goldQueueSchema = z.object({ queueId });

/** Marks one resolved item's current gold as a gold check. */
export const addFromGoldSchema = z.object({ queueItemId: positiveId("queueItemId", "an item id") });

/** The most confident current gold labels of a queue that are not gold checks yet. */
export const MAX_TOP_GOLD = 500;
export const addTopGoldSchema = z.object({
  queueId,
  count: z.number().int("count must be a whole number").min(1, `count is 1 to ${MAX_TOP_GOLD}`).max(MAX_TOP_GOLD, `count is 1 to ${MAX_TOP_GOLD}`),
});

/** `item,label` lines: an output's external id in this queue and the option value it must get. */
export const MAX_GOLD_CSV_CHARS = 1_000_000;
export const importGoldCsvSchema = z.object({
  queueId,
  csv: safeText(MAX_GOLD_CSV_CHARS, { tooLong: "keep the file under 1 MB" }).min(1, "choose a CSV file with item,label lines"),
});
export type ImportGoldCsvInput = z.infer<typeof importGoldCsvSchema>;

export const retireGoldItemSchema = z.object({ goldItemId: positiveId("goldItemId", "a gold item id") });

export const listPausesSchema = z.object({ queueId, includeLifted: z.boolean().default(false) });

export const liftPauseSchema = z.object({
  pauseId: positiveId("pauseId", "a pause id"),
  note: safeText(500, { trim: true, tooLong: "keep the note to 500 characters" }).min(1, "say why the pause is lifted"),
});
export type LiftPauseInput = z.infer<typeof liftPauseSchema>;

/** Where a gold item's expected answer came from. */
export const goldItemSources = ["gold", "csv"] as const;
export type GoldItemSource = (typeof goldItemSources)[number];
