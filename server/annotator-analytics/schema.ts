import { z } from "zod";

/** Throughput is drawn per UTC day over this many days, today included. */
export const THROUGHPUT_DAYS = 30;

const queueFilterSchema = z.uuid("queueId must be a queue id").optional();

export const listAnnotatorAnalyticsSchema = z.object({ queueId: queueFilterSchema });
export type ListAnnotatorAnalyticsInput = z.infer<typeof listAnnotatorAnalyticsSchema>;

export const getAnnotatorAnalyticsSchema = z.object({ userId: z.uuid("userId must be a person's id"), queueId: queueFilterSchema });
export type GetAnnotatorAnalyticsInput = z.infer<typeof getAnnotatorAnalyticsSchema>;
