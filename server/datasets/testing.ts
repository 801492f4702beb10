import { randomBytes } from "node:crypto";
import { sql, type Kysely } from "kysely";
import type { DB } from "@/db/types";

/**
 * Gold data for dataset tests, written straight into the tables so these tests do not depend on how ingest,
 * review and resolution produce it.
 */

const labelSchema = {
  fields: [{ type: "categorical", key: "verdict", title: "Verdict", options: [{ value: "good", title: "Good" }, { value: "bad", title: "Bad" }] }],
  allowNote: true,
  allowCorrection: true,
};

export async function seedQueue(db: Kysely<DB>, values: { projectId: string; name?: string }) {
  return db
    .insertInto("queues")
    .values({
      project_id: values.projectId,
      name: values.name ?? `Queue ${randomBytes(3).toString("hex")}`,
      label_schema: JSON.stringify(labelSchema),
      overlap: 2,
      lease_seconds: 600,
      mode: "blind",
      sampling_rule: JSON.stringify({ models: [], tags: [], metadata: {}, signals: [], rate: 1 }),
      majority_threshold: 0.6,
    })
    .returning(["id", "name"])
    .executeTakeFirstOrThrow();
}

export async function seedOutput(db: Kysely<DB>, values: { projectId: string; externalId: string; input?: unknown; output?: unknown }) {
  return db
    .insertInto("outputs")
    .values({
      project_id: values.projectId,
      external_id: values.externalId,
      input: JSON.stringify(values.input ?? [{ role: "user", content: `question ${values.externalId}` }]),
      output: JSON.stringify(values.output ?? `answer ${values.externalId}`),
      content_hash: randomBytes(16).toString("hex"),
      produced_at: new Date(),
    })
    .returning(["id", "external_id as externalId"])
    .executeTakeFirstOrThrow();
}

type GoldValues = { label: string; correction?: string | null; confidence?: number; method?: string };

/** A resolved queue item for the output with a current gold label; creates the output unless `outputId` is given. */
export async function seedGold(db: Kysely<DB>, values: GoldValues & { projectId: string; queueId: string; externalId?: string; outputId?: number }) {
  const outputId = values.outputId ?? (await seedOutput(db, { projectId: values.projectId, externalId: values.externalId ?? randomBytes(6).toString("hex") })).id;
  const item = await db
    .insertInto("queue_items")
    .values({
      project_id: values.projectId,
      queue_id: values.queueId,
      output_id: outputId,
      content_hash: randomBytes(16).toString("hex"),
      inclusion_probability: 1,
      state: "resolved",
      resolved_at: new Date(),
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  const gold = await insertGold(db, { projectId: values.projectId, queueId: values.queueId, queueItemId: item.id, outputId, supersedes: null }, values);
  return { outputId, queueItemId: item.id, goldLabelId: gold.id };
}

async function insertGold(
  db: Kysely<DB>,
  keys: { projectId: string; queueId: string; queueItemId: number; outputId: number; supersedes: number | null },
  values: GoldValues,
) {
  return db
    .insertInto("gold_labels")
    .values({
      project_id: keys.projectId,
      queue_id: keys.queueId,
      queue_item_id: keys.queueItemId,
      output_id: keys.outputId,
      values: JSON.stringify({ verdict: values.label }),
      correction: values.correction ?? null,
      method: values.method ?? "unanimous",
      confidence: values.confidence ?? 1,
      provenance: JSON.stringify({ seeded: true }),
      supersedes: keys.supersedes,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
}

/** Replaces an item's current gold label with a new one, as a later resolution would. */
export async function replaceGold(db: Kysely<DB>, goldLabelId: number, values: GoldValues) {
  return db.transaction().execute(async (trx) => {
    const old = await trx
      .updateTable("gold_labels")
      .set({ is_current: false })
      .where("id", "=", goldLabelId)
      .returning(["project_id as projectId", "queue_id as queueId", "queue_item_id as queueItemId", "output_id as outputId"])
      .executeTakeFirstOrThrow();
    return insertGold(trx, { ...old, supersedes: goldLabelId }, values);
  });
}

/** `count` outputs with gold labels in one queue, in three statements; labels alternate good/bad. */
export async function seedManyGold(db: Kysely<DB>, values: { projectId: string; queueId: string; count: number; prefix: string }) {
  await sql`
    insert into outputs (project_id, external_id, input, output, content_hash, produced_at)
    select ${values.projectId}::uuid, ${values.prefix} || lpad(n::text, 6, '0'), to_jsonb('question ' || n), to_jsonb('answer ' || n), md5(${values.prefix} || n), now()
    from generate_series(1, ${values.count}::int) as n
  `.execute(db);
  await sql`
    insert into queue_items (project_id, queue_id, output_id, content_hash, inclusion_probability, state, resolved_at)
    select project_id, ${values.queueId}::uuid, id, content_hash, 1, 'resolved', now()
    from outputs where project_id = ${values.projectId}::uuid and external_id like ${values.prefix} || '%'
    order by id
  `.execute(db);
  await sql`
    insert into gold_labels (project_id, queue_id, queue_item_id, output_id, values, method, confidence, provenance)
    select project_id, queue_id, id, output_id, jsonb_build_object('verdict', case when id % 2 = 0 then 'good' else 'bad' end), 'unanimous', 1, '{}'::jsonb
    from queue_items where project_id = ${values.projectId}::uuid and queue_id = ${values.queueId}::uuid
    order by id
  `.execute(db);
}
