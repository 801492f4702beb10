import type { Executor } from "../executor";

/**
 * Loop-health rows (metric points and alerts) written straight into the database, so tests of the pages
 * that read them do not depend on how the metrics job and the alert evaluation produce them.
 */

export type MetricPointValues = {
  queueId?: string | null;
  subject?: string;
  metric: string;
  granularity?: "hour" | "day";
  windowStart: Date;
  sampleSize: number;
  value: number | null;
  detail?: Record<string, unknown>;
};

export async function seedMetricPoints(db: Executor, projectId: string, points: readonly MetricPointValues[]) {
  if (points.length === 0) return;
  await db
    .insertInto("metric_points")
    .values(
      points.map((point) => ({
        project_id: projectId,
        queue_id: point.queueId ?? null,
        subject: point.subject ?? "",
        metric: point.metric,
        granularity: point.granularity ?? "day",
        window_start: point.windowStart,
        sample_size: point.sampleSize,
        value: point.value,
        detail: JSON.stringify(point.detail ?? {}),
      })),
    )
    .execute();
}

export type AlertValues = {
  detector: string;
  scopeKey: string;
  title: string;
  firstWindow: Date;
  lastFiringWindow?: Date;
  queueId?: string | null;
  granularity?: "hour" | "day";
  severity?: "info" | "warning" | "critical";
  state?: "open" | "acknowledged" | "resolved";
  snoozedUntil?: Date | null;
  evidence?: Record<string, unknown>;
};

/** An alert as the evaluation would raise it; evidence defaults to an empty object for tests that do not read it. */
export async function seedAlert(db: Executor, projectId: string, values: AlertValues) {
  return db
    .insertInto("alerts")
    .values({
      project_id: projectId,
      queue_id: values.queueId ?? null,
      detector: values.detector,
      scope_key: values.scopeKey,
      granularity: values.granularity ?? "day",
      severity: values.severity ?? "warning",
      state: values.state ?? "open",
      title: values.title,
      evidence: JSON.stringify(values.evidence ?? {}),
      first_window: values.firstWindow,
      last_firing_window: values.lastFiringWindow ?? values.firstWindow,
      snoozed_until: values.snoozedUntil ?? null,
      resolved_at: values.state === "resolved" ? new Date() : null,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
}
