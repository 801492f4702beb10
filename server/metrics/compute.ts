import { sql, type Transaction } from "kysely";
import type { DB } from "@/db/types";
import type { Granularity } from "./catalog";
import { computeAgreementPoints } from "./families/agreement";
import { computeAnnotationPoints } from "./families/annotations";
import { computeAnnotatorPoints } from "./families/annotators";
import { computeDiversityPoints } from "./families/diversity";
import { computeGoldLabelPoints } from "./families/gold-labels";
import { computeInputPoints } from "./families/inputs";
import { computeLatencyPoints } from "./families/latency";
import type { MetricRow } from "./points";
import { emptyMetricPoints, listPointsInWindows, upsertMetricPoints } from "./queries";
import type { LoopSettings } from "./schema";
import { toWindowSet, type TouchedInstants } from "./windows";

const pointKey = (point: { queueId: string | null; subject: string; metric: string; windowStart: Date }) =>
  `${point.metric}|${point.queueId ?? ""}|${point.subject}|${point.windowStart.getTime()}`;

/**
 * Recomputes every metric of the windows that hold the touched instants, for each granularity the project keeps:
 * one statement per metric family over all the windows at once, then one upsert. Points of those windows that
 * the pass no longer produces drop to sample size 0. Returns how many windows were recomputed.
 */
export async function recomputeWindows(
  trx: Transaction<DB>,
  params: { projectId: string; touched: TouchedInstants; settings: LoopSettings; computedAt: Date },
): Promise<number> {
  await tuneForMetricsPass(trx);
  let recomputed = 0;
  for (const granularity of params.settings.granularities) recomputed += await recomputeGranularity(trx, { ...params, granularity });
  return recomputed;
}

/**
 * For the rest of the transaction: a pass aggregates up to millions of rows in a handful of statements, where
 * JIT compiling costs seconds more than it saves, and sorts and hashes of that size fit in 64 MB, not the default 4.
 */
export async function tuneForMetricsPass(trx: Transaction<DB>): Promise<void> {
  await sql`set local jit = off`.execute(trx);
  await sql`set local work_mem = '64MB'`.execute(trx);
}

async function recomputeGranularity(
  trx: Transaction<DB>,
  params: { projectId: string; touched: TouchedInstants; settings: LoopSettings; computedAt: Date; granularity: Granularity },
): Promise<number> {
  const windows = toWindowSet(params.projectId, params.granularity, params.touched[params.granularity]);
  if (!windows) return 0;
  // One connection (the transaction's), so the families run one after another.
  const rows: MetricRow[] = [];
  for (const compute of [
    () => computeGoldLabelPoints(trx, windows),
    () => computeLatencyPoints(trx, windows),
    () => computeAnnotationPoints(trx, windows),
    () => computeAnnotatorPoints(trx, windows),
    () => computeAgreementPoints(trx, windows),
    () => computeInputPoints(trx, windows, params.settings.driftMetadataKeys),
    () => computeDiversityPoints(trx, windows),
  ]) {
    // One by one: an hourly backfill yields more rows than a spread's arguments may hold.
    for (const row of await compute()) rows.push(row);
  }
  const written = new Set(rows.map(pointKey));
  const stored = await listPointsInWindows(trx, { projectId: params.projectId, granularity: params.granularity, windowStarts: windows.starts });
  const vanished = stored.filter((point) => !written.has(pointKey(point)) && (point.sampleSize !== 0 || point.value !== null));
  await upsertMetricPoints(trx, { projectId: params.projectId, granularity: params.granularity, rows, computedAt: params.computedAt });
  await emptyMetricPoints(trx, { projectId: params.projectId, ids: vanished.map((point) => point.id), computedAt: params.computedAt });
  return windows.starts.length;
}
