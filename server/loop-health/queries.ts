import { toDetectorQueue } from "@/server/alerts/detector-queue";
import type { Granularity } from "@/server/metrics/catalog";
import type { Executor } from "@/db/executor";

/** Every queue of the project, archived ones too: their metric points and alerts stay on the charts. */
export async function listQueuesForHealth(db: Executor, projectId: string) {
  return db
    .selectFrom("queues")
    .select(["id", "name", "holdout_fraction as holdoutFraction", "archived_at as archivedAt", "sampling_rule as samplingRule"])
    .where("project_id", "=", projectId)
    .orderBy("created_at", "asc")
    .execute()
    .then((queues) => queues.map(toDetectorQueue));
}

/** Alerts of one granularity that fired at or after `since`, in any state: the markers on the charts. */
export async function listAlertMarkers(db: Executor, params: { projectId: string; granularity: Granularity; since: Date }) {
  return db
    .selectFrom("alerts")
    .select([
      "id",
      "detector",
      "scope_key as scopeKey",
      "queue_id as queueId",
      "state",
      "severity",
      "title",
      "first_window as firstWindow",
      "last_firing_window as lastFiringWindow",
      "snoozed_until as snoozedUntil",
    ])
    .where("project_id", "=", params.projectId)
    .where("granularity", "=", params.granularity)
    .where("last_firing_window", ">=", params.since)
    .orderBy("first_window", "asc")
    .$narrowType<{ state: "open" | "acknowledged" | "resolved"; severity: "info" | "warning" | "critical" }>()
    .execute();
}

/** Alerts still needing someone (open or acknowledged) and not snoozed at `now`. */
export async function countLiveAlerts(db: Executor, projectId: string, now: Date) {
  const row = await db
    .selectFrom("alerts")
    .select((eb) => eb.fn.countAll<number>().as("count"))
    .where("project_id", "=", projectId)
    .where("state", "in", ["open", "acknowledged"])
    .where((eb) => eb.or([eb("snoozed_until", "is", null), eb("snoozed_until", "<=", now)]))
    .executeTakeFirstOrThrow();
  return Number(row.count);
}
