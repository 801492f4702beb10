import type { Kysely } from "kysely";
import type { DB } from "@/db/types";
import { conversationToText } from "@/server/items/conversation-text";
import { findWinningCandidateOutput } from "@/server/labels/pairwise-winner";
import { NotFoundError } from "@/server/lib/errors";
import { waitForGoldWriters } from "@/server/resolution/gold-order";
import { projectHasQueue, selectGoldAfter } from "./queries";
import type { GoldFeedEntry, GoldFeedPage, GoldFeedQuery } from "./schema";

type GoldRow = Awaited<ReturnType<typeof selectGoldAfter>>[number];

function toEntry(row: GoldRow): GoldFeedEntry {
  return {
    cursor: String(row.id),
    gold_label_id: Number(row.id),
    queue_id: row.queueId,
    queue: row.queueName,
    external_id: row.externalId,
    trace_id: row.traceId,
    input: row.input,
    output: row.output,
    candidates: row.candidates,
    label: row.values as Record<string, unknown>,
    correction: row.correction,
    gold_output: row.correction ?? conversationToText(findWinningCandidateOutput(row.values, row.candidates) ?? row.output),
    correction_disputed: row.isCorrectionDisputed,
    method: row.method,
    confidence: row.confidence,
    supersedes: row.supersedes === null ? null : Number(row.supersedes),
    revision_reason: row.revisionReason,
    created_at: new Date(row.createdAt).toISOString(),
  };
}

/** Refuses a queue filter that names no queue of the project, before any page is read. */
export async function checkFeedQueue(db: Kysely<DB>, projectId: string, queueId: string | undefined): Promise<void> {
  if (queueId && !(await projectHasQueue(db, projectId, queueId))) {
    throw new NotFoundError("no queue with this id in the project", { field: "queue" });
  }
}

/**
 * One page of the project's gold labels after the cursor, oldest first. The next cursor is the last entry's,
 * or the same cursor when nothing is new, so a client can poll with it forever.
 */
export async function readGoldPage(db: Kysely<DB>, projectId: string, query: GoldFeedQuery): Promise<GoldFeedPage> {
  // One extra row tells whether another page follows without a count. Read once the writers in flight have
  // committed, so the page never skips a label whose id came before its last one.
  const rows = await db.transaction().execute(async (trx) => {
    await waitForGoldWriters(trx, projectId);
    return selectGoldAfter(trx, { projectId, afterId: query.since, queueId: query.queue, limit: query.limit + 1 });
  });
  const data = rows.slice(0, query.limit).map(toEntry);
  return { data, next_cursor: data.at(-1)?.cursor ?? query.since, has_more: rows.length > query.limit };
}
