import type { Database } from "@/db";
import type { Granularity, MetricName } from "@/server/metrics/catalog";
import { setDetectorEnabled } from "./detector-settings";
import { detectorIds } from "./detectors/types";
import { WINDOW_MS } from "./windows";

/**
 * Writes metric points as the metrics job would, one per window ending at `lastWindow`: `values[i]` is the
 * value of window `lastWindow - (values.length - 1 - i)`; null leaves the window without a point. Each
 * window is written once (the unique window key refuses a second point).
 */
export async function insertMetricPoints(
  db: Database,
  params: {
    projectId: string;
    queueId: string | null;
    metric: MetricName;
    subject?: string;
    granularity?: Granularity;
    lastWindow: Date;
    values: ReadonlyArray<number | null>;
    sampleSize?: number;
  },
) {
  const granularity = params.granularity ?? "day";
  const rows = params.values.flatMap((value, index) =>
    value === null
      ? []
      : [
          {
            project_id: params.projectId,
            queue_id: params.queueId,
            subject: params.subject ?? "",
            metric: params.metric,
            granularity,
            window_start: new Date(params.lastWindow.getTime() - (params.values.length - 1 - index) * WINDOW_MS[granularity]),
            sample_size: params.sampleSize ?? 50,
            value,
            detail: JSON.stringify({}),
          },
        ],
  );
  if (rows.length > 0) await db.insertInto("metric_points").values(rows).execute();
}

/** Turns every built-in detector off, so a test watches its rules alone. */
export async function disableBuiltInDetectors(db: Database, actor: { projectId: string; userId: string }) {
  for (const detector of detectorIds) await setDetectorEnabled(db, actor, { detector, enabled: false });
}
