import type { LabelValues } from "@/server/labels/answer-values";
import type { Executor } from "@/db/executor";
import type { ProjectActor } from "@/server/auth/actor";
import { drawGoldCheck, isGoldAnswerCorrect } from "./rules";
import { assertUnderDailyCap } from "./gate-service";
import { toExpectedValues } from "./queries";
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
  queue: { id: string; leaseSeconds: number; goldItemRate: number; dailyCap: number | null },
  hasProductionWork: () => Promise<boolean>,
): Promise<{ assignmentId: number; queueItemId: number } | null> {
  await assertUnderDailyCap(db, actor, queue);
  if (!drawGoldCheck(queue.goldItemRate) || !(await hasProductionWork())) return null;
  const served = await insertGoldCheckAssignment(db, { projectId: actor.projectId, queueId: queue.id, userId: actor.userId, leaseSeconds: queue.leaseSeconds });
  return served ?? null;
}

/** For an answer: whether it matches its gold check's known answer, or null when the assignment is production work. */
export async function gradeGoldCheckAnswer(db: Executor, projectId: string, assignmentId: number, values: LabelValues): Promise<boolean | null> {
  const check = await findGoldCheckExpectation(db, projectId, assignmentId);
  return check ? isGoldAnswerCorrect(toExpectedValues(check.expectedValues), values) : null;
}


/** Whether an assignment is a gold check: its skip must leave the item's seats and skip count alone. */
export async function isGoldCheck(db: Executor, projectId: string, assignmentId: number): Promise<boolean> {
  return isGoldCheckAssignment(db, projectId, assignmentId);
}
