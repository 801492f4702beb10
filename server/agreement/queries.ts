import { sql } from "kysely";
import type { Executor } from "@/db/executor";
import type { AgreementDimension, AnswerPart } from "./dimensions";

/** One annotator's counted answers to one agreement dimension (`fieldKey` is the dimension's key), as parallel lists (item id, value). */
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

/**
 * The queue's counted answers (production labels: not decoys, not gold checks) for the given dimensions. Per
 * dimension one row per annotator with the answers joined into two strings: a 100k-item queue arrives in a
 * few dozen rows instead of 300k, which is most of the read time. Option values are keys ([a-z0-9_-]), and
 * numbers, scores and true/false hold no comma either.
 */
export async function readCountedAnswers(db: Executor, params: { projectId: string; queueId: string; dimensions: ReadonlyArray<Pick<AgreementDimension, "key" | "fieldKey" | "part">> }): Promise<AnnotatorAnswers[]> {
  const perDimension = await Promise.all(
    params.dimensions.map(async (dimension) => {
      const answer = answerPartSql(dimension.fieldKey, dimension.part);
      const { rows } = await sql<{ annotatorId: string; queueItemIds: string; values: string }>`
        select a.annotator_id as "annotatorId", string_agg(a.queue_item_id::text, ',') as "queueItemIds", string_agg(${answer}, ',') as values
        from annotations a
        join queue_items qi on qi.id = a.queue_item_id and qi.project_id = ${params.projectId} and qi.queue_id = ${params.queueId}
        where a.project_id = ${params.projectId} and a.counts_toward_gold and a.gold_check_correct is null and ${answer} is not null
        group by 1
      `.execute(db);
      return rows.map((row) => ({
        fieldKey: dimension.key,
        annotatorId: row.annotatorId,
        queueItemIds: parseIdList(row.queueItemIds),
        values: row.values.split(","),
      }));
    }),
  );
  return perDimension.flat();
}

/** One measured answer as text: the field's value, one member of it, or whether an option was ticked ("true"/"false"). */
function answerPartSql(fieldKey: string, part: AnswerPart) {
  switch (part.kind) {
    case "value":
      return sql<string>`a.values->>${fieldKey}`;
    case "member":
      return sql<string>`a.values->${fieldKey}->>${part.member}`;
    case "ticked":
      return sql<string>`case when jsonb_typeof(a.values->${fieldKey}) = 'array' then (a.values->${fieldKey} ? ${part.option})::text end`;
  }
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
