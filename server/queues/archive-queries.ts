import { sql, type Transaction } from "kysely";
import type { DB } from "@/db/types";
import type { Executor } from "@/db/executor";

/** Archives or restores a queue; undefined when it is not in the state the change starts from. */
export async function setQueueArchived(trx: Transaction<DB>, projectId: string, queueId: string, isArchived: boolean) {
  return trx
    .updateTable("queues")
    .set({ archived_at: isArchived ? sql`now()` : null, updated_at: sql`now()` })
    .where("project_id", "=", projectId)
    .where("id", "=", queueId)
    .where("archived_at", isArchived ? "is" : "is not", null)
    .returning(["id", "name"])
    .executeTakeFirst();
}

export async function queueExists(db: Executor, projectId: string, queueId: string): Promise<boolean> {
  const row = await db.selectFrom("queues").select("id").where("project_id", "=", projectId).where("id", "=", queueId).executeTakeFirst();
  return row !== undefined;
}

export async function findArchivedQueue(db: Executor, projectId: string, queueId: string) {
  return db
    .selectFrom("queues")
    .select(["id", "name", "archived_at as archivedAt"])
    .where("project_id", "=", projectId)
    .where("id", "=", queueId)
    .where("archived_at", "is not", null)
    .$narrowType<{ archivedAt: Date }>()
    .executeTakeFirst();
}

/** The project's archived queues, most recently archived first, with how many items and gold labels each keeps. */
export async function listArchivedQueues(db: Executor, projectId: string) {
  return db
    .selectFrom("queues as q")
    .select([
      "q.id",
      "q.name",
      "q.archived_at as archivedAt",
      "q.created_at as createdAt",
      (eb) =>
        eb
          .selectFrom("queue_items as qi")
          .select(eb.fn.countAll<number>().as("n"))
          .where("qi.project_id", "=", projectId)
          .whereRef("qi.queue_id", "=", "q.id")
          .as("items"),
      (eb) =>
        eb
          .selectFrom("gold_labels as g")
          .select(eb.fn.countAll<number>().as("n"))
          .where("g.project_id", "=", projectId)
          .whereRef("g.queue_id", "=", "q.id")
          .where("g.is_current", "=", true)
          .as("gold"),
    ])
    .where("q.project_id", "=", projectId)
    .where("q.archived_at", "is not", null)
    .orderBy("q.archived_at", "desc")
    .execute();
}
