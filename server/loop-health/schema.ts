import { z } from "zod";
import { granularities, type Granularity } from "@/server/metrics/catalog";

export const loopHealthOverviewSchema = z.object({
  granularity: z.enum(granularities, "granularity is hour or day").default("day"),
});
export type LoopHealthOverviewInput = z.infer<typeof loopHealthOverviewSchema>;

/**
 * How many windows, up to the latest closed one, detectors read: the alert evaluation's lookback
 * (server/alerts/evaluate-service.ts), so they take the same reference windows and a chart fires exactly
 * where the evaluation does.
 */
export const DETECTION_LOOKBACK_WINDOWS: Record<Granularity, number> = { hour: 24 * 28, day: 180 };
/** How far back the page shows: two weeks of hours, half a year of days. */
export const DISPLAY_DAYS: Record<Granularity, number> = { hour: 14, day: 180 };
