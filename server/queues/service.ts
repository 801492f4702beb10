import type { Kysely } from "kysely";
import type { DB } from "@/db/types";
import { insertAuditEntry } from "@/server/audit/queries";
import { parseLabelSchema } from "@/server/items/label-values";
import { NotFoundError, ValidationError } from "@/server/lib/errors";
import type { ProjectActor } from "@/server/auth/actor";
import { listRecentPlans } from "@/server/sampling/plan-service";
import { backfillQueue } from "@/server/sampling/service";
import {
  countClaimableItems,
  countItemsByState,
  countMyAssignments,
  findOpenQueue,
  insertQueue,
  listOpenQueues,
  lockOpenQueue,
  updateQueueLoopSettings,
  updateQueueQualitySettings,
} from "./queries";
import {
  DEFAULT_LOOP_SETTINGS,
  DEFAULT_QUALITY_SETTINGS,
  findApprovalValuesIssue,
  labelSchemaSchema,
  samplingRuleSchema,
  type ApprovalValues,
  type CreateQueueRequest,
  type LabelSchema,
  type LoopSettings,
  type ConsensusMethod,
  type QualitySettings,
  type QueueItemState,
  type SuggestionDisplay,
  type UpdateLoopSettingsInput,
  type UpdateQualitySettingsInput,
} from "./schema";

export type QueueProgress = { total: number; pending: number; inReview: number; conflict: number; resolved: number; skippedOut: number };
export type MyQueueProgress = { submitted: number; skipped: number; available: number };

const progressKeys: Partial<Record<QueueItemState, keyof QueueProgress>> = {
  pending: "pending",
  in_review: "inReview",
  conflict: "conflict",
  resolved: "resolved",
  skipped_out: "skippedOut",
};

function getOrCreate<Value>(map: Map<string, Value>, key: string, create: () => Value): Value {
  const existing = map.get(key);
  if (existing !== undefined) return existing;
  const created = create();
  map.set(key, created);
  return created;
}

/** Progress of every queue (or one), the whole queue's and the caller's, keyed by queue id. */
async function loadProgress(db: Kysely<DB>, actor: ProjectActor, queueId?: string) {
  const scope = { projectId: actor.projectId, userId: actor.userId, queueId };
  const [items, mine, claimable] = await Promise.all([
    countItemsByState(db, actor.projectId, queueId),
    countMyAssignments(db, scope),
    countClaimableItems(db, scope),
  ]);
  const progress = new Map<string, QueueProgress>();
  const myProgress = new Map<string, MyQueueProgress>();
  const progressOf = (id: string) => getOrCreate(progress, id, () => ({ total: 0, pending: 0, inReview: 0, conflict: 0, resolved: 0, skippedOut: 0 }));
  const myProgressOf = (id: string) => getOrCreate(myProgress, id, () => ({ submitted: 0, skipped: 0, available: 0 }));
  for (const row of items) {
    const entry = progressOf(row.queueId);
    entry.total += row.count;
    const key = progressKeys[row.state];
    if (key) entry[key] += row.count;
  }
  for (const row of mine) {
    if (row.state === "submitted") myProgressOf(row.queueId).submitted += row.count;
    if (row.state === "skipped") myProgressOf(row.queueId).skipped += row.count;
  }
  for (const row of claimable) myProgressOf(row.queueId).available = row.count;
  return { progressOf, myProgressOf };
}

/** A stored queue's loop settings, typed: every one was validated by the queue schemas before it was stored. */
function loopSettingsOf(queue: { holdoutFraction: number; suggestionDisplay: string; decoyRate: number; approvalValues: unknown }) {
  return {
    holdoutFraction: queue.holdoutFraction,
    suggestionDisplay: queue.suggestionDisplay as SuggestionDisplay,
    decoyRate: queue.decoyRate,
    approvalValues: queue.approvalValues as ApprovalValues,
  };
}

/** A stored queue's quality settings, typed: validated by the queue schemas and the table's checks. */
function qualitySettingsOf(queue: Omit<QualitySettings, "consensusMethod"> & { consensusMethod: string }): QualitySettings {
  return {
    consensusMethod: queue.consensusMethod as ConsensusMethod,
    majorityThreshold: queue.majorityThreshold,
    minPosterior: queue.minPosterior,
    maxOverlap: queue.maxOverlap,
    goldItemRate: queue.goldItemRate,
    gateMinAccuracy: queue.gateMinAccuracy,
    gateMinGoldItems: queue.gateMinGoldItems,
    dailyCap: queue.dailyCap,
  };
}

/** K must leave room for k: adaptive overlap only ever adds annotators. */
function throwOnMaxOverlapIssue(overlap: number, maxOverlap: number | null): void {
  if (maxOverlap !== null && maxOverlap < overlap) {
    throw new ValidationError(`maxOverlap must be at least the overlap (${overlap})`, { field: "maxOverlap" });
  }
}

/**
 * A collaborative queue's annotators approve one shared answer, so what only makes sense for answers given
 * alone is refused: decoys and gold checks (one person's graded answer) and adaptive overlap (a
 * disagreement between answers).
 */
function throwOnCollaborativeIssue(queue: { mode: string; decoyRate: number; goldItemRate: number; maxOverlap: number | null }): void {
  if (queue.mode !== "collaborative") return;
  if (queue.decoyRate > 0) throw new ValidationError("decoyRate: a collaborative queue shows no decoys", { field: "decoyRate" });
  if (queue.goldItemRate > 0) throw new ValidationError("goldItemRate: a collaborative queue serves no gold checks", { field: "goldItemRate" });
  if (queue.maxOverlap !== null) throw new ValidationError("maxOverlap: a collaborative queue has a fixed k", { field: "maxOverlap" });
}

/**
 * Creates a queue (audited) and, unless asked not to, adds the stored outputs its rule takes. `options.id` is
 * for the loop simulator only: sampling draws on the queue id, so a seeded simulation fixes it to replay.
 */
export async function createQueue(db: Kysely<DB>, actor: ProjectActor, input: CreateQueueRequest, options: { id?: string } = {}) {
  const { backfill: shouldBackfill, ...definition } = input;
  const queue = { ...DEFAULT_LOOP_SETTINGS, ...DEFAULT_QUALITY_SETTINGS, ...definition, labelSchema: labelSchemaSchema.parse(definition.labelSchema) };
  throwOnApprovalValuesIssue(queue.labelSchema, queue.approvalValues);
  throwOnMaxOverlapIssue(queue.overlap, queue.maxOverlap);
  throwOnCollaborativeIssue(queue);
  const { id } = await db.transaction().execute(async (trx) => {
    const created = await insertQueue(trx, { projectId: actor.projectId, createdBy: actor.userId, queue, id: options.id });
    await insertAuditEntry(trx, {
      projectId: actor.projectId,
      actorUserId: actor.userId,
      action: "queue.created",
      targetType: "queue",
      targetId: created.id,
      data: {
        name: queue.name,
        mode: queue.mode,
        overlap: queue.overlap,
        samplingRule: queue.samplingRule,
        holdoutFraction: queue.holdoutFraction,
        suggestionDisplay: queue.suggestionDisplay,
        decoyRate: queue.decoyRate,
        ...qualitySettingsOf(queue),
      },
    });
    return created;
  });
  // After the commit: ingest requests starting from now see the queue, and the backfill covers what was
  // stored before. A batch already in flight (rules read before this commit, stored after the backfill's
  // scan) can miss the queue; backfill is idempotent, so running it again picks such outputs up.
  const backfill = shouldBackfill ? await backfillQueue(db, actor.projectId, id) : null;
  return { id, backfill };
}

/** The project's open queues with whole-queue progress and the caller's own. */
export async function listProjectQueues(db: Kysely<DB>, actor: ProjectActor) {
  const [queues, { progressOf, myProgressOf }] = await Promise.all([listOpenQueues(db, actor.projectId), loadProgress(db, actor)]);
  return queues.map((queue) => ({
    id: queue.id,
    name: queue.name,
    mode: queue.mode,
    overlap: queue.overlap,
    ...loopSettingsOf(queue),
    ...qualitySettingsOf(queue),
    createdAt: queue.createdAt,
    progress: progressOf(queue.id),
    mine: myProgressOf(queue.id),
  }));
}

/** One open queue with its definition and progress. */
export async function getProjectQueue(db: Kysely<DB>, actor: ProjectActor, queueId: string) {
  const [queue, { progressOf, myProgressOf }, samplingPlans] = await Promise.all([
    findOpenQueue(db, actor.projectId, queueId),
    loadProgress(db, actor, queueId),
    listRecentPlans(db, actor.projectId, queueId),
  ]);
  if (!queue) throw new NotFoundError("no open queue with this id in the project", { field: "queueId" });
  return {
    ...queue,
    // Parsed, not cast: schemas stored before v2 get their fields' defaults (hint, required).
    labelSchema: parseLabelSchema(queue.labelSchema),
    // Parsed, not cast: rules stored before a field existed get its default.
    samplingRule: samplingRuleSchema.parse(queue.samplingRule),
    ...loopSettingsOf(queue),
    ...qualitySettingsOf(queue),
    progress: progressOf(queue.id),
    mine: myProgressOf(queue.id),
    samplingPlans,
  };
}

/** Applies a queue's rule to the outputs already stored (idempotent), and audits the run. */
export async function backfillProjectQueue(db: Kysely<DB>, actor: ProjectActor, queueId: string) {
  const result = await backfillQueue(db, actor.projectId, queueId);
  await insertAuditEntry(db, {
    projectId: actor.projectId,
    actorUserId: actor.userId,
    action: "queue.backfilled",
    targetType: "queue",
    targetId: queueId,
    data: result,
  });
  return result;
}

/** Approval values must be options of their fields; checked against the schema they are stored with. */
function throwOnApprovalValuesIssue(labelSchema: LabelSchema, approvalValues: LoopSettings["approvalValues"]): void {
  const issue = findApprovalValuesIssue(labelSchema, approvalValues);
  if (issue) throw new ValidationError(`approvalValues.${issue.fieldKey}: ${issue.message}`, { field: `approvalValues.${issue.fieldKey}` });
}

/**
 * Changes a queue's holdout fraction, suggestion display, decoy rate and approval values (audited). Items
 * already drawn keep the π they were drawn with; claims from now on show suggestions and decoys as set here.
 */
export async function updateLoopSettings(db: Kysely<DB>, actor: ProjectActor, input: UpdateLoopSettingsInput) {
  const { queueId, holdoutFraction, suggestionDisplay, decoyRate, approvalValues } = input;
  const settings: LoopSettings = { holdoutFraction, suggestionDisplay, decoyRate, approvalValues };
  await db.transaction().execute(async (trx) => {
    const queue = await lockOpenQueue(trx, actor.projectId, queueId);
    if (!queue) throw new NotFoundError("no open queue with this id in the project", { field: "queueId" });
    throwOnApprovalValuesIssue(parseLabelSchema(queue.labelSchema), settings.approvalValues);
    throwOnCollaborativeIssue({ ...queue, decoyRate: settings.decoyRate });
    await updateQueueLoopSettings(trx, actor.projectId, queueId, settings);
    await insertAuditEntry(trx, {
      projectId: actor.projectId,
      actorUserId: actor.userId,
      action: "queue.loop_settings_updated",
      targetType: "queue",
      targetId: queueId,
      data: settings,
    });
  });
  return settings;
}

/**
 * Changes how a queue resolves gold and gates its annotators (audited). Items already resolved keep their
 * gold; the next resolution, claim and gold check follow these settings.
 */
export async function updateQualitySettings(db: Kysely<DB>, actor: ProjectActor, input: UpdateQualitySettingsInput): Promise<QualitySettings> {
  const { queueId } = input;
  const settings = qualitySettingsOf(input);
  await db.transaction().execute(async (trx) => {
    const queue = await lockOpenQueue(trx, actor.projectId, queueId);
    if (!queue) throw new NotFoundError("no open queue with this id in the project", { field: "queueId" });
    throwOnMaxOverlapIssue(queue.overlap, settings.maxOverlap);
    throwOnCollaborativeIssue({ ...queue, goldItemRate: settings.goldItemRate, maxOverlap: settings.maxOverlap });
    await updateQueueQualitySettings(trx, actor.projectId, queueId, settings);
    await insertAuditEntry(trx, {
      projectId: actor.projectId,
      actorUserId: actor.userId,
      action: "queue.quality_settings_updated",
      targetType: "queue",
      targetId: queueId,
      data: settings,
    });
  });
  return settings;
}
