import type { Executor } from "@/db/executor";
import type { ProjectActor } from "@/server/auth/actor";
import { NotFoundError } from "@/server/lib/errors";
import { startOfProgressWindow, summarizeMyProgress, type MyProgress } from "./progress-days";
import { countMyDailySubmissions } from "./progress-queries";
import { findReviewQueue } from "./queries";
import type { MyProgressInput } from "./schema";

/** The caller's own submissions today, this ISO week and on each of the last seven days (UTC), in one queue and in the project. */
export async function getMyProgress(db: Executor, actor: ProjectActor, input: MyProgressInput, now = new Date()): Promise<MyProgress> {
  const scope = { projectId: actor.projectId, userId: actor.userId, queueId: input.queueId };
  const [queue, rows] = await Promise.all([findReviewQueue(db, scope), countMyDailySubmissions(db, { ...scope, since: startOfProgressWindow(now) })]);
  if (!queue) throw new NotFoundError("no such queue", { field: "queueId" });
  return summarizeMyProgress(rows, now);
}
