import type { Kysely, Transaction } from "kysely";
import type { Executor } from "@/db/executor";
import type { DB } from "@/db/types";
import type { ProjectActor } from "@/server/auth/actor";
import { insertAuditEntry } from "@/server/audit/queries";
import { ForbiddenError, InvalidStateError, NotFoundError } from "@/server/lib/errors";
import { emitWebhookEvent } from "@/server/webhooks/outbox";
import { listGoldAccuracy } from "./accuracy-queries";
import { listUserNames } from "@/server/users/queries";
import { countTodaysWork, findLastLiftedAt, insertPause, liftPause, listQueuePauses, pauseExists } from "./gate-queries";
import { findGoldQueue } from "./queries";
import type { LiftPauseInput } from "./schema";

const percent = (share: number) => `${Math.round(share * 100)} %`;

/** The refusal of a claim on a queue where the annotator is paused, saying why and who can undo it. */
export function pausedError(reason: string): ForbiddenError {
  return new ForbiddenError(`You are paused on this queue by its gold-check quality gate: ${reason}. A lead can lift the pause.`, { field: "queueId" });
}

/** Midnight UTC after `now`, when daily caps start again. */
export function nextUtcMidnight(now: Date): Date {
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() + 1));
}

/** Refuses a new claim once the annotator's answers today plus the items they hold reach the queue's daily cap. */
export async function assertUnderDailyCap(db: Executor, actor: ProjectActor, queue: { id: string; dailyCap: number | null }): Promise<void> {
  if (queue.dailyCap === null) return;
  const done = await countTodaysWork(db, { projectId: actor.projectId, queueId: queue.id, annotatorId: actor.userId });
  if (done < queue.dailyCap) return;
  const resetsAt = nextUtcMidnight(new Date()).toISOString().replace(".000Z", "Z");
  throw new InvalidStateError(`You reached this queue's daily cap of ${queue.dailyCap} items. It resets at ${resetsAt} (midnight UTC).`, { field: "queueId" });
}

/**
 * Runs the queue's quality gate after a gold-check answer, in the answer's transaction: once the annotator
 * has at least `gate_min_gold_items` checks since their last lifted pause and their accuracy is below
 * `gate_min_accuracy`, they are paused (once: the partial unique index keeps one live pause), with an
 * audit entry and an `annotator.paused` webhook.
 */
export async function applyQualityGate(trx: Transaction<DB>, params: { projectId: string; queueId: string; annotatorId: string }): Promise<void> {
  const queue = await findGoldQueue(trx, params.projectId, params.queueId);
  if (!queue || queue.gateMinAccuracy === null) return;
  const since = await findLastLiftedAt(trx, params);
  const [accuracy] = await listGoldAccuracy(trx, { ...params, since });
  if (!accuracy || accuracy.checks < queue.gateMinGoldItems || accuracy.accuracy >= queue.gateMinAccuracy) return;
  const reason = `${accuracy.correct} of ${accuracy.checks} gold checks right (${percent(accuracy.accuracy)}), below the ${percent(queue.gateMinAccuracy)} this queue asks for after ${queue.gateMinGoldItems} checks`;
  const pause = await insertPause(trx, { ...params, reason, goldChecks: accuracy.checks, goldCorrect: accuracy.correct });
  if (!pause) return;
  const data = { pauseId: pause.id, queueId: params.queueId, annotatorId: params.annotatorId, goldChecks: accuracy.checks, goldCorrect: accuracy.correct, accuracy: accuracy.accuracy, threshold: queue.gateMinAccuracy };
  await insertAuditEntry(trx, { projectId: params.projectId, action: "annotator.paused", targetType: "queue", targetId: params.queueId, data });
  await emitWebhookEvent(trx, { projectId: params.projectId, type: "annotator.paused", data });
}

/** A queue's pauses with annotator names: live ones, or also the recently lifted. */
export async function listPauses(db: Kysely<DB>, actor: ProjectActor, input: { queueId: string; includeLifted: boolean }) {
  if (!(await findGoldQueue(db, actor.projectId, input.queueId))) throw new NotFoundError("no such queue", { field: "queueId" });
  return listQueuePauses(db, { projectId: actor.projectId, ...input });
}

/** Lifts a pause with the lead's note; gold checks count afresh from now. */
export async function liftPauseById(db: Kysely<DB>, actor: ProjectActor, input: LiftPauseInput): Promise<{ ok: true }> {
  return db.transaction().execute(async (trx) => {
    const lifted = await liftPause(trx, { projectId: actor.projectId, pauseId: input.pauseId, liftedBy: actor.userId, note: input.note });
    if (!lifted) {
      if (await pauseExists(trx, actor.projectId, input.pauseId)) throw new InvalidStateError("this pause was already lifted", { field: "pauseId" });
      throw new NotFoundError("no such pause", { field: "pauseId" });
    }
    await insertAuditEntry(trx, {
      projectId: actor.projectId,
      actorUserId: actor.userId,
      action: "annotator.pause_lifted",
      targetType: "queue",
      targetId: lifted.queueId,
      data: { pauseId: lifted.id, annotatorId: lifted.annotatorId, note: input.note },
    });
    return { ok: true as const };
  });
}

/** Each annotator's gold-check accuracy on a queue with its Wilson interval, worst first. */
export async function listQueueGoldAccuracy(db: Kysely<DB>, actor: ProjectActor, queueId: string) {
  if (!(await findGoldQueue(db, actor.projectId, queueId))) throw new NotFoundError("no such queue", { field: "queueId" });
  const rows = await listGoldAccuracy(db, { projectId: actor.projectId, queueId });
  const names = await listUserNames(db, rows.map((row) => row.annotatorId));
  return rows
    .map((row) => ({ ...row, annotatorName: names.get(row.annotatorId) ?? "Former member" }))
    .sort((a, b) => a.accuracy - b.accuracy || a.annotatorName.localeCompare(b.annotatorName));
}
