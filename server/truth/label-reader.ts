import { sql } from "kysely";
import type { Executor } from "@/db/executor";
import { isNumericLabel, NO_LABEL, type EncodedLabels } from "@/server/quality/encode";

export type FieldLabels = {
  data: EncodedLabels;
  /** queue_items.id of each item code. */
  queueItemIds: number[];
  /** Expected class code per item for active gold items, NO_LABEL elsewhere. */
  gold: Int32Array;
  clampedItemCount: number;
};

type AnnotatorColumns = { annotatorId: string; items: string; labels: string };

/**
 * A queue field's answers, read fast: counted production answers plus gold-check answers (decoy answers
 * never vote, so they are left out). Postgres aggregates one row per annotator with the item ids and class
 * codes as comma-separated text, which is far cheaper to transfer and parse than a row per answer
 * (1M answers: a handful of rows instead of a million row objects). Classes are the field's option
 * values in schema order; answers naming a value the field no longer offers are skipped.
 */
export async function readFieldLabels(db: Executor, q: { projectId: string; queueId: string; fieldKey: string; classes: string[] }): Promise<FieldLabels> {
  const { rows } = await sql<AnnotatorColumns>`
    select a.annotator_id as "annotatorId",
           string_agg(a.queue_item_id::text, ',') as items,
           string_agg((array_position(${q.classes}::text[], a.values->>${q.fieldKey}) - 1)::text, ',') as labels
    from annotations a
    join queue_items qi on qi.id = a.queue_item_id
    where a.project_id = ${q.projectId}
      and qi.project_id = ${q.projectId}
      and qi.queue_id = ${q.queueId}
      and ((a.counts_toward_gold and a.gold_check_correct is null) or a.gold_check_correct is not null)
      and a.values->>${q.fieldKey} = any(${q.classes}::text[])
    group by a.annotator_id
    order by a.annotator_id
  `.execute(db);

  const workerIds = rows.map((row) => row.annotatorId);
  const total = rows.reduce((sum, row) => sum + countEntries(row.items), 0);
  const items = new Int32Array(total);
  const workers = new Int32Array(total);
  const labels = new Int32Array(total);
  const itemCodes = new Map<number, number>();
  const queueItemIds: number[] = [];
  let index = 0;
  rows.forEach((row, worker) => {
    const itemTexts = row.items.split(",");
    const labelTexts = row.labels.split(",");
    for (let answer = 0; answer < itemTexts.length; answer += 1) {
      const queueItemId = Number(itemTexts[answer]);
      let code = itemCodes.get(queueItemId);
      if (code === undefined) {
        code = queueItemIds.length;
        itemCodes.set(queueItemId, code);
        queueItemIds.push(queueItemId);
      }
      items[index] = code;
      workers[index] = worker;
      labels[index] = Number(labelTexts[answer]);
      index += 1;
    }
  });

  const gold = new Int32Array(queueItemIds.length).fill(NO_LABEL);
  let clampedItemCount = 0;
  for (const expected of await readGoldItems(db, q)) {
    const code = itemCodes.get(expected.queueItemId);
    const classCode = q.classes.indexOf(expected.value);
    if (code === undefined || classCode < 0) continue;
    gold[code] = classCode;
    clampedItemCount += 1;
  }
  const isNumeric = q.classes.length > 0 && q.classes.every(isNumericLabel);
  const data: EncodedLabels = {
    itemIds: queueItemIds.map(String),
    workerIds,
    labelIds: [...q.classes],
    labelValues: Float64Array.from(q.classes, (value) => (isNumericLabel(value) ? Number(value) : Number.NaN)),
    isNumeric,
    items,
    workers,
    labels,
  };
  return { data, queueItemIds, gold, clampedItemCount };
}

function countEntries(commaSeparated: string): number {
  let count = 1;
  for (let index = 0; index < commaSeparated.length; index += 1) if (commaSeparated.charCodeAt(index) === 44) count += 1;
  return count;
}

/** Known answers of the queue's active gold items for the field. */
async function readGoldItems(db: Executor, q: { projectId: string; queueId: string; fieldKey: string }): Promise<{ queueItemId: number; value: string }[]> {
  const rows = await db
    .selectFrom("gold_items")
    .select(["queue_item_id as queueItemId", sql<string | null>`expected_values->>${q.fieldKey}`.as("value")])
    .where("project_id", "=", q.projectId)
    .where("queue_id", "=", q.queueId)
    .where("retired_at", "is", null)
    .execute();
  return rows.flatMap((row) => (row.value === null ? [] : [{ queueItemId: Number(row.queueItemId), value: row.value }]));
}
