import type { Executor } from "@/db/executor";
import type { ProjectActor } from "@/server/auth/actor";
import { drawGoldCheck, isGoldAnswerCorrect } from "./rules";
import { assertUnderDailyCap } from "./gate-service";
import { findGoldQueue, toExpectedValues } from "./queries";
import { findGoldCheckExpectation, insertGoldCheckAssignment } from "./serving-queries";

/**
 * The gold-check rules of a new claim: refuses it past the daily cap, then, at the queue's gold-item rate,
 * leases a gold check instead of a production item. Gold checks are only mixed into work that exists
 * (`hasProductionWork`): an annotator with nothing else left would otherwise see only gold. Returns the
 * gold check's assignment id, or null to claim a production item.
 */
export async function claimWithGoldRules(
  db: Executor,
  actor: ProjectActor,
  queue: { id: string; leaseSeconds: number },
  hasProductionWork: () => Promise<boolean>,
): Promise<number | null> {
  const rules = await findGoldQueue(db, actor.projectId, queue.id);
  if (!rules) return null;
  await assertUnderDailyCap(db, actor, { id: queue.id, dailyCap: rules.dailyCap });
  if (!drawGoldCheck(rules.goldItemRate) || !(await hasProductionWork())) return null;
  const served = await insertGoldCheckAssignment(db, { projectId: actor.projectId, queueId: queue.id, userId: actor.userId, leaseSeconds: queue.leaseSeconds });
  return served?.assignmentId ?? null;
}

/** For an answer: whether it matches its gold check's known answer, or null when the assignment is production work. */
export async function gradeGoldCheckAnswer(db: Executor, projectId: string, assignmentId: number, values: Record<string, string>): Promise<boolean | null> {
  const check = await findGoldCheckExpectation(db, projectId, assignmentId);
  return check ? isGoldAnswerCorrect(toExpectedValues(check.expectedValues), values) : null;
}
