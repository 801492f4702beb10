import type { Database } from "@/db";
import type { Granularity, MetricName } from "@/server/metrics/catalog";
import { setDetectorEnabled } from "./detector-settings";
import { detectorIds } from "./detectors/types";
import { evaluateAlerts } from "./evaluate-service";
import { createAlertRule } from "./rule-service";
import { RULE_DETECTOR } from "./schema";
import { latestClosedWindowStart, WINDOW_MS } from "./windows";

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

/**
 * A live alert to act on: a rule on the thumbs-down rate, yesterday's rate above it, one evaluation. And a
 * second rule, to delete.
 */
export async function seedLiveAlert(db: Database, actor: { projectId: string; userId: string }) {
  const rule = await createAlertRule(db, actor, { ...ruleDefaults, name: "Thumbs down", metric: "signals.thumbs_down", comparator: ">", threshold: 0.2 });
  const deletable = await createAlertRule(db, actor, { ...ruleDefaults, name: "Regenerations", metric: "signals.regenerate", comparator: ">", threshold: 0.5 });
  const now = new Date();
  await insertMetricPoints(db, { projectId: actor.projectId, queueId: null, metric: "signals.thumbs_down", lastWindow: latestClosedWindowStart(now, "day"), values: [0.6] });
  const alert = (await evaluateAlerts(db, actor.projectId, { granularity: "day", now })).raised.find((raised) => raised.detector === RULE_DETECTOR);
  if (!alert) throw new Error("the seeded rule raised no alert");
  return { ruleId: rule.id, deletableRuleId: deletable.id, alertId: alert.id };
}

const ruleDefaults = { queueId: null, granularity: "day", sustainedWindows: 1, clearWindows: 3, severity: "warning", isEnabled: true } as const;
