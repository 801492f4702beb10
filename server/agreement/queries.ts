import { sql } from "kysely";
import type { Executor } from "@/db/executor";

/** One annotator's counted answers to one field, as parallel lists (item id, option value). */
export type AnnotatorAnswers = { fieldKey: string; annotatorId: string; queueItemIds: Int32Array; values: string[] };

/** One judge's suggestions to one field next to the current gold of the same items. */
export type JudgeGoldPairs = { source: string; fieldKey: string; suggested: string[]; gold: string[] };

export async function findQueueLabelSchema(db: Executor, params: { projectId: string; queueId: string }) {
  return db
    .selectFrom("queues")
    .select(["id", "name", "label_schema as labelSchema"])
    .where("project_id", "=", params.projectId)
    .where("id", "=", params.queueId)
    .executeTakeFirst();
}

/**
 * The queue's counted answers (production labels: not decoys, not gold checks) for the given fields. Per field
 * one row per annotator with the answers joined into two strings: a 100k-item queue arrives in a few dozen
 * rows instead of 300k, which is most of the read time. Option values are keys ([a-z0-9_-]), so a comma
 * cannot occur inside one.
 */
/** "12,7,301" as integers, read digit by digit: no intermediate string per id (300k of them on a large queue). */
function parseIdList(text: string): Int32Array {
  let count = text.length > 0 ? 1 : 0;
  for (let index = 0; index < text.length; index += 1) if (text.charCodeAt(index) === 44) count += 1;
  const ids = new Int32Array(count);
  let position = 0;
  let value = 0;
  for (let index = 0; index < text.length; index += 1) {
    const code = text.charCodeAt(index);
    if (code === 44) {
      ids[position++] = value;
      value = 0;
    } else value = value * 10 + (code - 48);
  }
  if (count > 0) ids[position] = value;
  return ids;
}

export async function readCountedAnswers(db: Executor, params: { projectId: string; queueId: string; fieldKeys: string[] }): Promise<AnnotatorAnswers[]> {
  const perField = await Promise.all(
    params.fieldKeys.map(async (fieldKey) => {
      const { rows } = await sql<{ annotatorId: string; queueItemIds: string; values: string }>`
        select a.annotator_id as "annotatorId", string_agg(a.queue_item_id::text, ',') as "queueItemIds", string_agg(a.values->>${fieldKey}, ',') as values
        from annotations a
        join queue_items qi on qi.id = a.queue_item_id and qi.project_id = ${params.projectId} and qi.queue_id = ${params.queueId}
        where a.project_id = ${params.projectId} and a.counts_toward_gold and a.gold_check_correct is null and a.values->>${fieldKey} is not null
        group by 1
      `.execute(db);
      return rows.map((row) => ({
        fieldKey,
        annotatorId: row.annotatorId,
        queueItemIds: parseIdList(row.queueItemIds),
        values: row.values.split(","),
      }));
    }),
  );
  return perField.flat();
}

/**
 * Suggestions (`outputs.suggestion`: `{ source, values }`) of the queue's items that have current gold, paired
 * with that gold per field and source. Gold in a queue is a human decision (votes, a fit over votes, or a
 * lead), so this is the judge measured against people.
 */
export async function readJudgeGoldPairs(db: Executor, params: { projectId: string; queueId: string; fieldKeys: string[] }): Promise<JudgeGoldPairs[]> {
  const perField = await Promise.all(
    params.fieldKeys.map(async (fieldKey) => {
      // Suggested values are free text (a judge may answer anything), so they come as an array; gold values are option keys.
      const { rows } = await sql<{ source: string; suggested: string[]; gold: string }>`
        select o.suggestion->>'source' as source, array_agg(o.suggestion->'values'->>${fieldKey}) as suggested, string_agg(g.values->>${fieldKey}, ',') as gold
        from gold_labels g
        join outputs o on o.id = g.output_id and o.project_id = ${params.projectId}
        where g.project_id = ${params.projectId} and g.queue_id = ${params.queueId} and g.is_current
          and o.suggestion->'values'->>${fieldKey} is not null and g.values->>${fieldKey} is not null
        group by 1
        order by 1
      `.execute(db);
      return rows.map((row) => ({ source: row.source, fieldKey, suggested: row.suggested, gold: row.gold.split(",") }));
    }),
  );
  return perField.flat();
}

/** Display names of people who answered in the project (names only: the page shows no emails). */
export async function listPeopleNames(db: Executor, params: { projectId: string; userIds: string[] }): Promise<Map<string, string>> {
  if (params.userIds.length === 0) return new Map();
  const rows = await db
    .selectFrom("users")
    .innerJoin("memberships", "memberships.user_id", "users.id")
    .select(["users.id", "users.name"])
    .where("memberships.project_id", "=", params.projectId)
    .where("users.id", "in", params.userIds)
    .execute();
  return new Map(rows.map((row) => [row.id, row.name]));
}
