import { z } from "zod";
import { granularities, type Granularity } from "@/server/metrics/catalog";

export const loopHealthOverviewSchema = z.object({
  granularity: z.enum(granularities, "granularity is hour or day").default("day"),
});
export type LoopHealthOverviewInput = z.infer<typeof loopHealthOverviewSchema>;

/** How far back the health page looks: two weeks of hours, half a year of days. Detectors take their reference from the start of this range. */
export const HEALTH_RANGE_DAYS: Record<Granularity, number> = { hour: 14, day: 180 };

/** Window length in milliseconds; windows are closed-open [start, start + length). */
export const WINDOW_MS: Record<Granularity, number> = { hour: 3_600_000, day: 86_400_000 };
