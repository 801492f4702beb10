import type { Executor } from "@/db/executor";
import { measureAgreementWithOthers } from "@/server/agreement/agreement-with-others-queries";
import type { ProjectActor } from "@/server/auth/actor";
import { hasAnyRole, type ProjectRole } from "@/server/auth/roles";
import { listGoldAccuracy } from "@/server/gold-items/accuracy-queries";
import { ForbiddenError, NotFoundError } from "@/server/lib/errors";
import { listAnnotatorReliability } from "@/server/truth/reliability-queries";
import { fillDailySeries, startOfWindow } from "./daily-series";
import { buildLabelDistributions } from "./label-distribution";
import { summarizeAgreement, summarizeGoldAccuracy, summarizeReliability } from "./quality-summary";
import {
  countDailyAnswers,
  countFinishedAssignments,
  countLabelValues,
  findProjectPerson,
  listAnalyticsPeople,
  listQueueChoices,
  listQueueSchemas,
  summarizeAnswerTimes,
  type AnalyticsPerson,
  type AnalyticsScope,
} from "./queries";
import { THROUGHPUT_DAYS, type GetAnnotatorAnalyticsInput, type ListAnnotatorAnalyticsInput } from "./schema";

/** Who is looking: leads (and admins) see everyone, every other member only themself. */
export type AnalyticsViewer = ProjectActor & { role: ProjectRole };

async function requireQueueInProject(db: Executor, projectId: string, queueId: string | undefined): Promise<void> {
  if (queueId && (await listQueueSchemas(db, projectId, [queueId])).length === 0) throw new NotFoundError("no such queue in this project", { field: "queueId" });
}

/** Every number of the summary row, for each of `people`, over one scope. */
async function summarizePeople(db: Executor, scope: AnalyticsScope, people: readonly AnalyticsPerson[], now: Date) {
  const [daily, times, finished, gold, reliability, agreement] = await Promise.all([
    countDailyAnswers(db, scope, startOfWindow(now, THROUGHPUT_DAYS)),
    summarizeAnswerTimes(db, scope),
    countFinishedAssignments(db, scope),
    listGoldAccuracy(db, scope),
    listAnnotatorReliability(db, scope),
    measureAgreementWithOthers(db, scope),
  ]);
  return people.map((person) => {
    const throughput = fillDailySeries(daily.filter((row) => row.annotatorId === person.id), now, THROUGHPUT_DAYS);
    const answerTimes = times.find((row) => row.annotatorId === person.id);
    const assignments = finished.find((row) => row.annotatorId === person.id) ?? { submitted: 0, skipped: 0 };
    const attempted = assignments.submitted + assignments.skipped;
    return {
      annotator: person,
      throughput,
      answersInWindow: throughput.reduce((total, day) => total + day.answers, 0),
      answers: answerTimes?.answers ?? 0,
      timedAnswers: answerTimes?.timedAnswers ?? 0,
      medianTimeMs: answerTimes?.medianTimeMs ?? null,
      submitted: assignments.submitted,
      skipped: assignments.skipped,
      skipRate: attempted > 0 ? assignments.skipped / attempted : null,
      gold: summarizeGoldAccuracy(gold.filter((row) => row.annotatorId === person.id)),
      reliability: summarizeReliability(reliability.filter((row) => row.annotatorId === person.id)),
      agreement: summarizeAgreement(agreement.find((row) => row.annotatorId === person.id)),
    };
  });
}

/** Leads' table: every annotator of the project with throughput, speed, skips and quality, optionally in one queue. */
export async function listAnnotatorAnalytics(db: Executor, projectId: string, input: ListAnnotatorAnalyticsInput, now = new Date()) {
  await requireQueueInProject(db, projectId, input.queueId);
  const [people, queues] = await Promise.all([listAnalyticsPeople(db, projectId), listQueueChoices(db, projectId)]);
  const annotators = await summarizePeople(db, { projectId, queueId: input.queueId }, people, now);
  return { windowDays: THROUGHPUT_DAYS, windowStart: startOfWindow(now, THROUGHPUT_DAYS), queues, annotators };
}

/**
 * One annotator's page: the summary row, their label distribution against the team and their quality per
 * queue. Leads may open anyone's; everyone else only their own (anyone else's is refused, whether or not
 * that person exists, so the refusal tells nothing).
 */
export async function getAnnotatorAnalytics(db: Executor, viewer: AnalyticsViewer, input: GetAnnotatorAnalyticsInput, now = new Date()) {
  if (input.userId !== viewer.userId && !hasAnyRole(viewer.role, ["lead"])) throw new ForbiddenError("you can see only your own analytics", { field: "userId" });
  const { projectId } = viewer;
  const person = await findProjectPerson(db, projectId, input.userId);
  if (!person) throw new NotFoundError("no such member in this project", { field: "userId" });
  await requireQueueInProject(db, projectId, input.queueId);
  // An annotator's own figures stop at the start of today (UTC): live counts would move with each production
  // answer and stand still for a gold check, telling them which items are gold checks.
  const until = hasAnyRole(viewer.role, ["lead"]) ? undefined : startOfWindow(now, 1);
  const scope = { projectId, queueId: input.queueId, annotatorId: person.id, until };
  const [[summary], counts, gold, reliability, queues] = await Promise.all([
    summarizePeople(db, scope, [person], now),
    countLabelValues(db, scope),
    listGoldAccuracy(db, scope),
    listAnnotatorReliability(db, scope),
    listQueueChoices(db, projectId),
  ]);
  const queueIds = [...new Set([...counts.map((row) => row.queueId), ...gold.map((row) => row.queueId), ...reliability.map((row) => row.queueId)])];
  const schemas = await listQueueSchemas(db, projectId, queueIds);
  const queueName = (queueId: string) => schemas.find((queue) => queue.id === queueId)?.name ?? "Deleted queue";
  return {
    ...summary!,
    coversUntil: until ?? null,
    windowDays: THROUGHPUT_DAYS,
    queues,
    distributions: buildLabelDistributions(counts, schemas),
    goldByQueue: gold.map((row) => ({ queueId: row.queueId, queueName: queueName(row.queueId), checks: row.checks, correct: row.correct, accuracy: row.accuracy, lower: row.lower, upper: row.upper })),
    reliabilityByField: reliability.map((row) => ({ queueId: row.queueId, queueName: queueName(row.queueId), fieldKey: row.fieldKey, reliability: row.reliability, labelCount: row.labelCount, method: row.method, fittedAt: row.fittedAt })),
  };
}
