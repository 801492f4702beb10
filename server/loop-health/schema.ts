import { z } from "zod";
import { granularities, type Granularity } from "@/server/metrics/catalog";

export const loopHealthOverviewSchema = z.object({
  granularity: z.enum(granularities, "granularity is hour or day").default("day"),
});
export type LoopHealthOverviewInput = z.infer<typeof loopHealthOverviewSchema>;

/** How far back the page shows: two weeks of hours, half a year of days. */
export const DISPLAY_DAYS: Record<Granularity, number> = { hour: 14, day: 180 };
