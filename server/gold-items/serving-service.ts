import type { Transaction } from "kysely";
import type { Executor } from "@/db/executor";
import type { DB } from "@/db/types";
import type { ProjectActor } from "@/server/auth/actor";
import type { QueueItemState } from "@/server/queues/schema";
import { drawGoldCheck, isGoldAnswerCorrect } from "./rules";
import { applyQualityGate, assertUnderDailyCap } from "./gate-service";
import { findGoldQueue, toExpectedValues } from "./queries";
import { findGoldCheckExpectation, insertGoldCheckAssignment, isGoldCheckAssignment } from "./serving-queries";

/**
 * The gold-check rules of a new claim: refuses it past the daily cap, then, at the queue's gold-item rate,
 * leases a gold check instead of a production item. Gold checks are only mixed into work that exists
 * (`hasProductionWork`): an annotator with nothing else left would otherwise see only gold. Returns the
 * gold check's assignment, or null to claim a production item.
 */
export async function applyClaimRules(
  db: Executor,
  actor: ProjectActor,
  queue: { id: string; leaseSeconds: number },
  hasProductionWork: () => Promise<boolean>,
): Promise<{ assignmentId: number; queueItemId: number } | null> {
  const rules = await findGoldQueue(db, actor.projectId, queue.id);
  if (!rules) return null;
  await assertUnderDailyCap(db, actor, { id: queue.id, dailyCap: rules.dailyCap });
  if (!drawGoldCheck(rules.goldItemRate) || !(await hasProductionWork())) return null;
  const served = await insertGoldCheckAssignment(db, { projectId: actor.projectId, queueId: queue.id, userId: actor.userId, leaseSeconds: queue.leaseSeconds });
  return served ?? null;
}

/** For an answer: whether it matches its gold check's known answer, or null when the assignment is production work. */
export async function gradeGoldCheckAnswer(db: Executor, projectId: string, assignmentId: number, values: Record<string, string>): Promise<boolean | null> {
  const check = await findGoldCheckExpectation(db, projectId, assignmentId);
  return check ? isGoldAnswerCorrect(toExpectedValues(check.expectedValues), values) : null;
}

/**
 * The item state a gold-check answer reports: what a production answer short of the k-th reports. The
 * real state (usually resolved) would tell the annotator the item was a gold check.
 */
export const GOLD_CHECK_ITEM_STATE = "in_review" satisfies QueueItemState;

/** After a gold-check answer is stored: runs the queue's quality gate; returns the state to report. */
export async function finishGoldCheckAnswer(trx: Transaction<DB>, params: { projectId: string; queueId: string; annotatorId: string }): Promise<QueueItemState> {
  await applyQualityGate(trx, params);
  return GOLD_CHECK_ITEM_STATE;
}

/** Whether an assignment is a gold check: its skip must leave the item's seats and skip count alone. */
export async function isGoldCheck(db: Executor, projectId: string, assignmentId: number): Promise<boolean> {
  return isGoldCheckAssignment(db, projectId, assignmentId);
}
