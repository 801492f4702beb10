import type { Kysely, Transaction } from "kysely";
import type { DB } from "@/db/types";
import type { Granularity, MetricPoint } from "@/server/metrics/catalog";
import { readMetricPoints } from "@/server/metrics/queries";
import { readLoopSettings } from "@/server/metrics/schema";
import { insertAlertUnlessLive, lockAlertEvaluation, lockLiveAlerts, markResolved, recordAlertFiring, setClearStreak, type LiveAlert } from "./alert-queries";
import { judgeCondition, type ConditionJudgement } from "./condition";
import { toDetectorQueue } from "./detector-queue";
import { readDetectorSettings } from "./detector-settings";
import { detectorDefinitions, runDetectors, type DetectorId } from "./detectors";
import { emitAlertEvent } from "./events";
import { buildEvidence } from "./evidence";
import { listEnabledRules } from "./rule-queries";
import { seriesOfRule } from "./rule-series";
import { findSampleItems } from "./sample-items";
import { BUILT_IN_CLEAR_WINDOWS, DETECTION_LOOKBACK_WINDOWS } from "./schema";
import { alertTitle } from "./titles";
import { watchDetectorSeries, watchRuleSeries, type WatchedSeries } from "./watched-series";
import { latestClosedWindowStart, WINDOW_MS } from "./windows";

export type AlertSummary = { id: string; detector: string; scopeKey: string; title: string; firstWindow: Date };


type ProjectContext = {
  projectId: string;
  slug: string;
  granularity: Granularity;
  latest: number;
  queues: Map<string, { id: string; name: string; holdoutFraction: number; isUniformSample: boolean }>;
  points: readonly MetricPoint[];
  referenceWindows: number;
};

async function loadProjectContext(db: Kysely<DB>, projectId: string, granularity: Granularity, now: Date): Promise<ProjectContext> {
  const latest = latestClosedWindowStart(now, granularity).getTime();
  const project = await db.selectFrom("projects").select(["slug", "loop_settings as loopSettings"]).where("id", "=", projectId).executeTakeFirstOrThrow();
  const queues = (await db.selectFrom("queues").select(["id", "name", "holdout_fraction as holdoutFraction", "sampling_rule as samplingRule"]).where("project_id", "=", projectId).execute()).map(toDetectorQueue);
  const since = new Date(latest - (DETECTION_LOOKBACK_WINDOWS[granularity] - 1) * WINDOW_MS[granularity]);
  // Only closed windows: a window still filling up would fire on half its data.
  const points = (await readMetricPoints(db, projectId, { granularity, since })).filter((point) => point.windowStart.getTime() <= latest);
  const { referenceWindows } = readLoopSettings(project.loopSettings);
  return { projectId, slug: project.slug, granularity, latest, queues: new Map(queues.map((queue) => [queue.id, queue])), points, referenceWindows };
}

/** Every series an alert can be raised on this pass: the enabled built-in detectors' and the enabled rules'. */
async function watchedSeries(db: Kysely<DB>, context: ProjectContext): Promise<WatchedSeries[]> {
  const { enabled, severityOf } = await readDetectorSettings(db, context.projectId);
  const detectorSeries =
    enabled.size === 0 ? [] : runDetectors(context.points, { granularity: context.granularity, queues: [...context.queues.values()], referenceWindows: context.referenceWindows, enabled });
  const definitions = new Map(detectorDefinitions.map((definition) => [definition.id, definition]));
  const rules = await listEnabledRules(db, context.projectId, context.granularity);
  return [
    ...detectorSeries.filter((series) => enabled.has(series.detector)).map((series) => watchDetectorSeries(series, definitions.get(series.detector)!, severityOf(series.detector))),
    ...rules.flatMap((rule) => seriesOfRule(rule, context.points).map(watchRuleSeries)),
  ];
}

function judge(series: WatchedSeries, latest: number, stepMs: number): ConditionJudgement {
  const firingWindows = new Set(series.windows.filter((window) => window.firing).map((window) => window.windowStart.getTime()));
  return judgeCondition({ firingWindows, latest, stepMs, sustainedWindows: series.sustainedWindows, clearWindows: series.clearWindows });
}

/** How many labels are left in the latest firing window, for the label detectors' titles. */
function distinctLabelsAt(context: ProjectContext, series: WatchedSeries, windowStart: number): number | null {
  const point = context.points.find(
    (candidate) =>
      series.metrics.includes(candidate.metric) &&
      candidate.queueId === series.queueId &&
      candidate.subject === series.subject &&
      candidate.windowStart.getTime() === windowStart &&
      typeof candidate.detail.counts === "object" &&
      candidate.detail.counts !== null,
  );
  if (!point) return null;
  return Object.values(point.detail.counts as Record<string, number>).filter((count) => count > 0).length;
}

/** The title and evidence of a firing series, with the names, counts and sample items they show. */
async function describeFiring(trx: Transaction<DB>, context: ProjectContext, series: WatchedSeries, judgement: ConditionJudgement) {
  const latestFiringStart = judgement.latestFiringWindow ?? context.latest;
  const latestFiring = series.windows.find((window) => window.windowStart.getTime() === latestFiringStart) ?? null;
  const queue = series.queueId ? (context.queues.get(series.queueId) ?? null) : null;
  const annotatorId = series.subjectKind === "annotator" ? series.subject : null;
  const annotator = annotatorId ? await trx.selectFrom("users").select(["id", "name"]).where("id", "=", annotatorId).executeTakeFirst() : undefined;
  const sampleItems = await findSampleItems(trx, {
    projectId: context.projectId,
    granularity: context.granularity,
    windowStart: new Date(latestFiringStart),
    queueId: series.queueId,
    annotatorId: annotator?.id ?? null,
    decoysOnly: series.metrics.some((metric) => metric.startsWith("annotator.decoy")),
  });
  const evidence = buildEvidence(series, {
    granularity: context.granularity,
    projectSlug: context.slug,
    latest: context.latest,
    latestFiring,
    queue: queue ? { id: queue.id, name: queue.name } : null,
    annotator: annotator ?? null,
    sampleItems,
  });
  const title = latestFiring
    ? alertTitle(series, latestFiring, { queueName: queue?.name ?? null, distinctLabels: distinctLabelsAt(context, series, latestFiringStart) })
    : `${series.definition?.title ?? series.rule?.name ?? series.detector} fired`;
  return { title, evidence };
}

/**
 * Whether a series still speaks for its detector or rule once the evaluation holds its lock: a detector
 * turned off, or a rule changed or deleted, since the series were computed is left for the next pass.
 */
async function readCurrentSources(trx: Transaction<DB>, projectId: string, granularity: Granularity) {
  const { enabled } = await readDetectorSettings(trx, projectId);
  const rules = new Map((await listEnabledRules(trx, projectId, granularity)).map((rule) => [rule.id, rule.updatedAt.getTime()]));
  return (series: WatchedSeries) => (series.rule ? rules.get(series.rule.id) === series.rule.updatedAt.getTime() : enabled.has(series.detector as DetectorId));
}

const liveKey = (detector: string, scopeKey: string) => `${detector}\u0000${scopeKey}`;

/**
 * A live alert no series speaks for any more (its scope has no data in the windows read): its condition
 * has not held since its last firing window, so it clears like any other after enough windows.
 */
async function settleOrphan(trx: Transaction<DB>, context: ProjectContext, alert: LiveAlert & { clearWindows: number }): Promise<boolean> {
  const stepMs = WINDOW_MS[context.granularity];
  const clearStreak = Math.max(0, Math.min(alert.clearWindows, Math.floor((context.latest - alert.lastFiringWindow.getTime()) / stepMs)));
  if (clearStreak < alert.clearWindows) {
    await setClearStreak(trx, alert.id, clearStreak);
    return false;
  }
  await markResolved(trx, alert.id, { reason: "cleared", clearStreak });
  await emitAlertEvent(trx, context.projectId, "alert.resolved", alert.id);
  return true;
}

/**
 * Evaluates the project's built-in detectors and threshold rules over closed windows of one granularity
 * and moves alerts along: raises one when a scope's condition holds at the latest closed window and no live
 * alert covers it, keeps a live one's evidence current while it fires, and resolves it once its condition
 * has been clear for its rule's `clear_windows` (3 for built-ins) windows in a row. Every change and its
 * `alert.raised` / `alert.resolved` webhook commit together. Passes over the same project and granularity
 * run one at a time, and a pass is idempotent.
 */
export async function evaluateAlerts(
  db: Kysely<DB>,
  projectId: string,
  options: { granularity?: Granularity; now?: Date } = {},
): Promise<{ raised: AlertSummary[]; resolved: AlertSummary[] }> {
  const granularity = options.granularity ?? "day";
  const context = await loadProjectContext(db, projectId, granularity, options.now ?? new Date());
  const stepMs = WINDOW_MS[granularity];
  const watched = await watchedSeries(db, context);

  return db.transaction().execute(async (trx) => {
    await lockAlertEvaluation(trx, projectId, [granularity]);
    const isCurrent = await readCurrentSources(trx, projectId, granularity);
    const live = new Map((await lockLiveAlertsWithSettings(trx, projectId, granularity)).map((alert) => [liveKey(alert.detector, alert.scopeKey), alert]));
    const raised: AlertSummary[] = [];
    const resolved: AlertSummary[] = [];

    for (const series of watched) {
      const judgement = judge(series, context.latest, stepMs);
      const key = liveKey(series.detector, series.scopeKey);
      const alert = live.get(key);
      live.delete(key);
      if (!isCurrent(series)) continue;
      if (judgement.holds) {
        const { title, evidence } = await describeFiring(trx, context, series, judgement);
        const lastFiringWindow = new Date(context.latest);
        if (alert) {
          await recordAlertFiring(trx, alert.id, { lastFiringWindow, title, evidence, severity: series.severity });
          continue;
        }
        const firstWindow = new Date(judgement.firstWindow!);
        const id = await insertAlertUnlessLive(trx, {
          projectId,
          queueId: series.queueId,
          detector: series.detector,
          ruleId: series.rule?.id ?? null,
          scopeKey: series.scopeKey,
          granularity,
          severity: series.severity,
          title,
          evidence,
          firstWindow,
          lastFiringWindow,
        });
        if (id === undefined) continue;
        await emitAlertEvent(trx, projectId, "alert.raised", id);
        raised.push({ id, detector: series.detector, scopeKey: series.scopeKey, title, firstWindow });
      } else if (alert) {
        if (judgement.clearStreak < series.clearWindows) {
          await setClearStreak(trx, alert.id, judgement.clearStreak);
          continue;
        }
        await markResolved(trx, alert.id, { reason: "cleared", clearStreak: judgement.clearStreak });
        await emitAlertEvent(trx, projectId, "alert.resolved", alert.id);
        resolved.push({ id: alert.id, detector: alert.detector, scopeKey: alert.scopeKey, title: alert.title, firstWindow: alert.firstWindow });
      }
    }

    for (const orphan of live.values()) {
      if (await settleOrphan(trx, context, orphan)) resolved.push({ id: orphan.id, detector: orphan.detector, scopeKey: orphan.scopeKey, title: orphan.title, firstWindow: orphan.firstWindow });
    }
    return { raised, resolved };
  });
}

/** The live alerts with what settling them needs: their last firing window and how many clear windows end them. */
async function lockLiveAlertsWithSettings(trx: Transaction<DB>, projectId: string, granularity: Granularity) {
  const alerts = await lockLiveAlerts(trx, projectId, granularity);
  return alerts.map((alert) => ({ ...alert, clearWindows: alert.ruleClearWindows ?? BUILT_IN_CLEAR_WINDOWS }));
}
