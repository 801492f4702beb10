import type { Kysely } from "kysely";
import type { DB } from "@/db/types";
import { insertAuditEntry } from "@/server/audit/queries";
import { NotFoundError } from "@/server/lib/errors";
import type { ProjectActor } from "@/server/auth/actor";
import { recomputeWindows } from "./compute";
import { readLoopSettings, type BackfillMetricsInput, type LoopSettings, type UpdateLoopSettingsInput } from "./schema";
import { findStoredLoopSettings, writeLoopSettings } from "./settings-queries";
import { waitForSettledBounds, type SettledBounds } from "./settled-bounds";
import { touchedAtEveryGranularity } from "./windows";
import { advanceWatermarks, findWindowsSince, findTouchedHours, lockProjectMetrics, metricSources, readWatermarks } from "./watermark-queries";

export type MetricsPassResult = { windowsRecomputed: number };

/** The project's loop settings with defaults filled in; NotFound for no such project. */
export async function getLoopSettings(db: Kysely<DB>, projectId: string): Promise<LoopSettings> {
  const stored = await findStoredLoopSettings(db, projectId);
  if (stored === undefined) throw new NotFoundError("no such project", { field: "projectId" });
  return readLoopSettings(stored);
}

/** Changes some of the project's loop settings (the rest keep their value) and audits the change. */
export async function updateLoopSettings(db: Kysely<DB>, actor: ProjectActor, input: UpdateLoopSettingsInput): Promise<LoopSettings> {
  return db.transaction().execute(async (trx) => {
    const stored = await findStoredLoopSettings(trx, actor.projectId);
    if (stored === undefined) throw new NotFoundError("no such project", { field: "projectId" });
    const before = readLoopSettings(stored);
    const after: LoopSettings = {
      granularities: input.granularities ?? before.granularities,
      driftMetadataKeys: input.driftMetadataKeys ?? before.driftMetadataKeys,
      referenceWindows: input.referenceWindows ?? before.referenceWindows,
    };
    await writeLoopSettings(trx, actor.projectId, after);
    await insertAuditEntry(trx, { projectId: actor.projectId, actorUserId: actor.userId, action: "loop_settings.updated", targetType: "project", targetId: actor.projectId, data: { before, after } });
    return after;
  });
}

/**
 * Incremental pass: recomputes only the windows that rows added since the last pass fall in (by id, above
 * each source's watermark, whatever their timestamps), then advances the watermarks. Passes of one project
 * run one at a time under an advisory lock; the bound is read only once every transaction that could still
 * commit a lower id has ended, so no row is skipped (see waitForSettledBounds). `now` stamps the points'
 * computed_at (the simulator passes its clock).
 */
export async function refreshMetrics(db: Kysely<DB>, projectId: string, options: { now?: Date } = {}): Promise<MetricsPassResult> {
  return refreshMetricsUpTo(db, projectId, await waitForSettledBounds(db), options);
}

/** refreshMetrics with bounds already settled, so one job run over many projects waits for writers once. */
export async function refreshMetricsUpTo(db: Kysely<DB>, projectId: string, bounds: SettledBounds, options: { now?: Date } = {}): Promise<MetricsPassResult> {
  const settings = await getLoopSettings(db, projectId);
  return db.transaction().execute(async (trx) => {
    await lockProjectMetrics(trx, projectId);
    const watermarks = await readWatermarks(trx, projectId);
    const touched = touchedAtEveryGranularity(await findTouchedHours(trx, projectId, watermarks, bounds.ids));
    const windowsRecomputed = await recomputeWindows(trx, { projectId, touched, settings, computedAt: options.now ?? new Date() });
    if (bounds.isSettled && metricSources.some((source) => bounds.ids[source] > watermarks[source])) await advanceWatermarks(trx, projectId, bounds.ids);
    return { windowsRecomputed };
  });
}

/**
 * Recomputes every window from `since` on (the whole history without it). A backfill of the whole history
 * also covers every row so far, so it advances the watermarks too.
 */
export async function backfillMetrics(db: Kysely<DB>, projectId: string, options: { since?: Date } = {}): Promise<MetricsPassResult> {
  const settings = await getLoopSettings(db, projectId);
  const bounds = options.since ? null : await waitForSettledBounds(db);
  return db.transaction().execute(async (trx) => {
    await lockProjectMetrics(trx, projectId);
    const touched = await findWindowsSince(trx, projectId, options.since ?? new Date(0));
    const windowsRecomputed = await recomputeWindows(trx, { projectId, touched, settings, computedAt: new Date() });
    if (bounds?.isSettled) await advanceWatermarks(trx, projectId, bounds.ids);
    return { windowsRecomputed };
  });
}

/** A lead's backfill from the UI: the same pass, audited. */
export async function requestMetricsBackfill(db: Kysely<DB>, actor: ProjectActor, input: BackfillMetricsInput): Promise<MetricsPassResult> {
  const result = await backfillMetrics(db, actor.projectId, { since: input.since });
  await insertAuditEntry(db, {
    projectId: actor.projectId,
    actorUserId: actor.userId,
    action: "metrics.backfilled",
    targetType: "project",
    targetId: actor.projectId,
    data: { since: input.since?.toISOString() ?? null, windowsRecomputed: result.windowsRecomputed },
  });
  return result;
}
