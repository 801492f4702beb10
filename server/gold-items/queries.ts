import { sql } from "kysely";
import type { Executor } from "@/db/executor";
import type { Json } from "@/db/types";
import type { GoldItemSource } from "./schema";

/** A queue's label schema and gold-check settings, for marking and serving gold checks. */
export async function findGoldQueue(db: Executor, projectId: string, queueId: string) {
  return db
    .selectFrom("queues")
    .select([
      "id",
      "label_schema as labelSchema",
      "gold_item_rate as goldItemRate",
      "gate_min_accuracy as gateMinAccuracy",
      "gate_min_gold_items as gateMinGoldItems",
      "daily_cap as dailyCap",
    ])
    .where("project_id", "=", projectId)
    .where("id", "=", queueId)
    .executeTakeFirst();
}

/** A resolved item's queue and current gold values; undefined when the item has no current gold. */
export async function findItemCurrentGold(db: Executor, projectId: string, queueItemId: number) {
  return db
    .selectFrom("queue_items as qi")
    .innerJoin("gold_labels as g", "g.queue_item_id", "qi.id")
    .select(["qi.id as queueItemId", "qi.queue_id as queueId", "g.values"])
    .where("qi.project_id", "=", projectId)
    .where("g.project_id", "=", projectId)
    .where("qi.id", "=", queueItemId)
    .where("g.is_current", "=", true)
    .executeTakeFirst();
}

/** Inserts gold items; an item that already is an active gold check keeps its first expected answer. */
export async function insertGoldItems(
  db: Executor,
  rows: Array<{ projectId: string; queueId: string; queueItemId: number; expectedValues: Record<string, string>; source: GoldItemSource; createdBy: string }>,
): Promise<number> {
  if (rows.length === 0) return 0;
  const inserted = await db
    .insertInto("gold_items")
    .values(
      rows.map((row) => ({
        project_id: row.projectId,
        queue_id: row.queueId,
        queue_item_id: row.queueItemId,
        expected_values: JSON.stringify(row.expectedValues),
        source: row.source,
        created_by: row.createdBy,
      })),
    )
    .onConflict((oc) => oc.column("queue_item_id").where("retired_at", "is", null).doNothing())
    .returning("id")
    .execute();
  return inserted.length;
}

/**
 * Marks the `count` most confident current gold labels of a queue that are not active gold checks, in one
 * statement (ties go to the newest gold). Returns how many it marked.
 */
export async function insertTopGoldItems(db: Executor, params: { projectId: string; queueId: string; count: number; createdBy: string }): Promise<number> {
  const { rows } = await sql<{ id: number }>`
    insert into gold_items (project_id, queue_id, queue_item_id, expected_values, source, created_by)
    select g.project_id, g.queue_id, g.queue_item_id, g.values, 'gold', ${params.createdBy}::uuid
    from gold_labels g
    where g.project_id = ${params.projectId} and g.queue_id = ${params.queueId} and g.is_current
      and not exists (select 1 from gold_items gi where gi.project_id = ${params.projectId} and gi.queue_item_id = g.queue_item_id and gi.retired_at is null)
    order by g.confidence desc, g.id desc
    limit ${params.count}
    on conflict (queue_item_id) where retired_at is null do nothing
    returning id
  `.execute(db);
  return rows.length;
}

/** How many current gold labels of a queue could still become gold checks. */
export async function countEligibleGold(db: Executor, projectId: string, queueId: string): Promise<number> {
  const row = await db
    .selectFrom("gold_labels as g")
    .select((eb) => eb.fn.countAll<string>().as("count"))
    .where("g.project_id", "=", projectId)
    .where("g.queue_id", "=", queueId)
    .where("g.is_current", "=", true)
    .where(({ not, exists, selectFrom }) =>
      not(exists(selectFrom("gold_items as gi").select("gi.id").where("gi.project_id", "=", projectId).whereRef("gi.queue_item_id", "=", "g.queue_item_id").where("gi.retired_at", "is", null))),
    )
    .executeTakeFirstOrThrow();
  return Number(row.count);
}

/** The queue items behind external ids in one queue, with whether each is already an active gold check. */
export async function findQueueItemsByExternalId(db: Executor, params: { projectId: string; queueId: string; externalIds: string[] }) {
  return db
    .selectFrom("queue_items as qi")
    .innerJoin("outputs as o", "o.id", "qi.output_id")
    .leftJoin("gold_items as gi", (join) => join.onRef("gi.queue_item_id", "=", "qi.id").on("gi.retired_at", "is", null))
    .select(["qi.id as queueItemId", "o.external_id as externalId", "gi.expected_values as activeExpected", "qi.state", "qi.assigned_count as assignedCount", "qi.submitted_count as submittedCount"])
    .where("qi.project_id", "=", params.projectId)
    .where("o.project_id", "=", params.projectId)
    .where("qi.queue_id", "=", params.queueId)
    .where("o.external_id", "in", params.externalIds)
    .execute();
}

/** A queue's gold items, newest first, with how often each was answered and answered right. */
export async function listQueueGoldItems(db: Executor, projectId: string, queueId: string) {
  return db
    .selectFrom("gold_items as gi")
    .innerJoin("queue_items as qi", "qi.id", "gi.queue_item_id")
    .innerJoin("outputs as o", "o.id", "qi.output_id")
    .leftJoin("users as u", "u.id", "gi.created_by")
    .select((eb) => [
      "gi.id",
      "gi.queue_item_id as queueItemId",
      "o.external_id as externalId",
      "gi.expected_values as expectedValues",
      "gi.source",
      "u.name as createdByName",
      "gi.created_at as createdAt",
      "gi.retired_at as retiredAt",
      eb
        .selectFrom("annotations as a")
        .innerJoin("assignments as s", "s.id", "a.assignment_id")
        .select((inner) => inner.fn.countAll<string>().as("n"))
        .where("a.project_id", "=", projectId)
        .where("s.is_gold_check", "=", true)
        .whereRef("a.queue_item_id", "=", "gi.queue_item_id")
        .whereRef("a.created_at", ">=", "gi.created_at")
        .as("answers"),
      eb
        .selectFrom("annotations as a")
        .innerJoin("assignments as s", "s.id", "a.assignment_id")
        .select((inner) => inner.fn.countAll<string>().as("n"))
        .where("a.project_id", "=", projectId)
        .where("s.is_gold_check", "=", true)
        .where("a.gold_check_correct", "=", true)
        .whereRef("a.queue_item_id", "=", "gi.queue_item_id")
        .whereRef("a.created_at", ">=", "gi.created_at")
        .as("correct"),
    ])
    .where("gi.project_id", "=", projectId)
    .where("qi.project_id", "=", projectId)
    .where("o.project_id", "=", projectId)
    .where("gi.queue_id", "=", queueId)
    .orderBy("gi.retired_at", (ob) => ob.desc().nullsFirst())
    .orderBy("gi.id", "desc")
    .limit(1000)
    .execute();
}

/** Retires an active gold item; undefined when it is not active (or not in the project). */
export async function retireGoldItem(db: Executor, projectId: string, goldItemId: number) {
  return db
    .updateTable("gold_items")
    .set({ retired_at: sql`now()` })
    .where("project_id", "=", projectId)
    .where("id", "=", goldItemId)
    .where("retired_at", "is", null)
    .returning(["id", "queue_id as queueId", "queue_item_id as queueItemId", "retired_at as retiredAt"])
    .$narrowType<{ retiredAt: Date }>()
    .executeTakeFirst();
}

/** When a gold item of the project was retired: null while active, undefined when there is no such item. */
export async function findGoldItemRetiredAt(db: Executor, projectId: string, goldItemId: number): Promise<Date | null | undefined> {
  const row = await db.selectFrom("gold_items").select("retired_at").where("project_id", "=", projectId).where("id", "=", goldItemId).executeTakeFirst();
  return row?.retired_at;
}

export type ExpectedValues = Record<string, string>;

/** Reads stored expected values: a flat {fieldKey: optionValue} object. */
export function toExpectedValues(stored: Json): ExpectedValues {
  const entries = stored !== null && typeof stored === "object" && !Array.isArray(stored) ? Object.entries(stored) : [];
  return Object.fromEntries(entries.filter((entry): entry is [string, string] => typeof entry[1] === "string"));
}
