import type { Kysely } from "kysely";
import type { DB } from "@/db/types";
import { hasAlertingAlert } from "./alert-queries";

export type LoopHealth = "ok" | "alerting";

/** The header gold feed and release pull responses carry, so a training job can refuse to train on a collapsing loop. */
export const LOOP_HEALTH_HEADER = "X-Goldloop-Loop-Health";

/** "alerting" while any open or acknowledged alert of warning or critical severity is not snoozed; else "ok". */
export async function readLoopHealth(db: Kysely<DB>, projectId: string): Promise<LoopHealth> {
  return (await hasAlertingAlert(db, projectId)) ? "alerting" : "ok";
}
