import type { Kysely } from "kysely";
import type { DB } from "@/db/types";
import type { ProjectActor } from "@/server/auth/actor";
import { NotFoundError } from "@/server/lib/errors";
import { requestRefit, type RefitRequest } from "./refit-requests";

/** A lead asks for a refit of a queue of their project; asking while one is queued or running joins it. */
export async function requestRefitForQueue(db: Kysely<DB>, actor: ProjectActor, queueId: string): Promise<RefitRequest> {
  const queue = await db.selectFrom("queues").select("id").where("project_id", "=", actor.projectId).where("id", "=", queueId).executeTakeFirst();
  if (!queue) throw new NotFoundError("no such queue in this project", { field: "queueId" });
  return requestRefit(db, { projectId: actor.projectId, queueId, requestedBy: actor.userId });
}
