import { z } from "zod";
import { queueIdSchema } from "@/server/queues/schema";

export const estimateGranularities = ["day", "week"] as const;
export type EstimateGranularity = (typeof estimateGranularities)[number];

export const queueEstimatesSchema = queueIdSchema.extend({
  granularity: z.enum(estimateGranularities, "granularity is day or week").default("week"),
});
export type QueueEstimatesInput = z.infer<typeof queueEstimatesSchema>;

/** How many windows the chart goes back: a quarter of days, a year of weeks. */
export const ESTIMATE_WINDOWS = { day: 90, week: 52 } as const;
