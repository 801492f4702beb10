import type { Kysely } from "kysely";
import type { DB, Json } from "@/db/types";
import type { ProjectActor } from "@/server/auth/actor";
import { NotFoundError } from "@/server/lib/errors";
import { findAssignmentOutput, findItemOutput, listEarlierTurns } from "./queries";

export type ThreadTurn = { id: number; externalId: string; model: string | null; input: Json; output: Json; producedAt: Date };
/** The turns before an item's output in its session, oldest first; `total` counts them all when more than shown. */
export type EarlierTurns = { sessionId: string | null; turns: ThreadTurn[]; total: number };

async function earlierTurnsOf(db: Kysely<DB>, projectId: string, output: { id: number; sessionId: string | null; producedAt: Date }): Promise<EarlierTurns> {
  if (!output.sessionId) return { sessionId: null, turns: [], total: 0 };
  const { turns, total } = await listEarlierTurns(db, { projectId, sessionId: output.sessionId, before: output });
  return { sessionId: output.sessionId, turns, total };
}

/**
 * The earlier turns of the thread an assignment's item belongs to, for the annotator holding it. Only
 * outputs come back (what the app was asked and answered), never anyone's labels, so blind review holds;
 * a gold check's thread is loaded the same way as any item's.
 */
export async function getThreadForAssignment(db: Kysely<DB>, actor: ProjectActor, assignmentId: number): Promise<EarlierTurns> {
  const output = await findAssignmentOutput(db, { projectId: actor.projectId, assignmentId, userId: actor.userId });
  if (!output) throw new NotFoundError("you have no such assignment", { field: "assignmentId" });
  return earlierTurnsOf(db, actor.projectId, output);
}

/** The earlier turns of the thread a queue item of the project belongs to (leads adjudicating it). */
export async function getThreadForItem(db: Kysely<DB>, projectId: string, queueItemId: number): Promise<EarlierTurns> {
  const output = await findItemOutput(db, { projectId, queueItemId });
  if (!output) throw new NotFoundError("no such item in this project", { field: "queueItemId" });
  return earlierTurnsOf(db, projectId, output);
}
