import type { LabelValues } from "@/server/labels/answer-values";
import type { Kysely } from "kysely";
import type { DB } from "@/db/types";
import type { ProjectActor } from "@/server/auth/actor";
import { NotFoundError } from "@/server/lib/errors";
import { listQueueItemsPage } from "./item-list-queries";
import { countItemsByState, findOpenQueue } from "./queries";
import type { ListQueueItemsInput, QueueItemState } from "./schema";

/**
 * A page of an open queue's items for its lead: each item's state, answers against seats (k plus the extra
 * seats a disagreement asked for), the output it came from and its current gold, with every state's count
 * for the filter. `nextCursor` is null on the last page.
 */
export async function listQueueItems(db: Kysely<DB>, actor: ProjectActor, input: ListQueueItemsInput) {
  const [queue, rows, counts] = await Promise.all([
    findOpenQueue(db, actor.projectId, input.queueId),
    listQueueItemsPage(db, actor.projectId, input),
    countItemsByState(db, actor.projectId, input.queueId),
  ]);
  if (!queue) throw new NotFoundError("no open queue with this id in the project", { field: "queueId" });
  const page = rows.slice(0, input.limit);
  const stateCounts: Partial<Record<QueueItemState, number>> = {};
  for (const row of counts) stateCounts[row.state] = Number(row.count);
  return {
    items: page.map(({ extraSeats, goldValues, ...item }) => ({
      ...item,
      seats: queue.overlap + extraSeats,
      // Gold values are stored as validated label values: field key to option value.
      goldValues: goldValues as LabelValues | null,
    })),
    nextCursor: rows.length > input.limit ? (page.at(-1)?.id ?? null) : null,
    stateCounts,
  };
}
