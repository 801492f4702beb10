import { randomBytes } from "node:crypto";
import { sql, type Kysely } from "kysely";
import type { DB } from "../types";
import { categoricalFieldSchema, type CategoricalField } from "../../server/labels/field-types";
import { buildSamplingRule, labelSchemaSchema, type LabelSchema, type queueModes, type SamplingRule } from "../../server/queues/schema";
import type { Executor } from "../executor";

/**
 * The loop's tables (queues, outputs, queue items, gold labels, releases), written straight into the
 * database so tests do not depend on how ingest, queues, review and resolution produce them.
 */

const uniqueSuffix = (bytes = 4) => randomBytes(bytes).toString("hex");

/** The single-choice field every seeded queue asks about unless told otherwise. */
export const VERDICT_FIELD: CategoricalField = categoricalFieldSchema.parse({
  type: "categorical",
  key: "verdict",
  title: "Verdict",
  options: [
    { value: "helpful", title: "Helpful" },
    { value: "harmful", title: "Harmful" },
    { value: "off_topic", title: "Off topic" },
  ],
});

export const VERDICT_LABEL_SCHEMA: LabelSchema = labelSchemaSchema.parse({ fields: [VERDICT_FIELD], allowNote: true, allowCorrection: true });
/** The verdict and a note, without a corrected output. */
export const VERDICT_ONLY_LABEL_SCHEMA: LabelSchema = labelSchemaSchema.parse({ fields: [VERDICT_FIELD], allowNote: true, allowCorrection: false });

const TAKE_EVERYTHING: SamplingRule = buildSamplingRule({ rate: 1 });

type QueueValues = {
  name: string;
  instructions: string;
  labelSchema: LabelSchema;
  overlap: number;
  leaseSeconds: number;
  mode: (typeof queueModes)[number];
  samplingRule: SamplingRule;
  majorityThreshold: number;
};

/** A blind queue of overlap 3 that takes every output and asks for VERDICT_LABEL_SCHEMA. */
export async function seedQueue(db: Executor, values: { projectId: string } & Partial<QueueValues>) {
  return db
    .insertInto("queues")
    .values({
      project_id: values.projectId,
      name: values.name ?? `Queue ${uniqueSuffix(3)}`,
      instructions: values.instructions ?? "Is the answer **helpful**?",
      label_schema: JSON.stringify(values.labelSchema ?? VERDICT_LABEL_SCHEMA),
      overlap: values.overlap ?? 3,
      lease_seconds: values.leaseSeconds ?? 600,
      mode: values.mode ?? "blind",
      sampling_rule: JSON.stringify(values.samplingRule ?? TAKE_EVERYTHING),
      majority_threshold: values.majorityThreshold ?? 0.6,
    })
    .returning(["id", "name", "overlap"])
    .executeTakeFirstOrThrow();
}

export type OutputValues = { externalId?: string; model?: string | null; input?: unknown; output?: unknown };

/** `count` outputs in id order; output `i` reads "Answer <i>: …" unless `build(i)` says otherwise. */
export async function seedOutputs(db: Executor, values: { projectId: string; count: number; build?: (index: number) => OutputValues }) {
  const prefix = uniqueSuffix();
  const outputs = await db
    .insertInto("outputs")
    .values(
      Array.from({ length: values.count }, (_, index) => {
        const built = values.build?.(index) ?? {};
        return {
          project_id: values.projectId,
          external_id: built.externalId ?? `${prefix}-${index}`,
          model: built.model === undefined ? "support-bot-1" : built.model,
          input: JSON.stringify(built.input ?? [{ role: "user", content: `Question ${index}: how do refunds work?` }]),
          output: JSON.stringify(built.output ?? `Answer ${index}: refunds take 5 days.`),
          content_hash: uniqueSuffix(16),
          produced_at: new Date(),
        };
      }),
    )
    .returning(["id", "external_id as externalId", "content_hash as contentHash"])
    .execute();
  return outputs.sort((a, b) => a.id - b.id);
}

/** `count` fresh outputs with one pending queue item each, in id order (see seedOutputs for their text). */
export async function seedQueueItems(db: Executor, values: { projectId: string; queueId: string; count: number }) {
  const outputs = await seedOutputs(db, { projectId: values.projectId, count: values.count });
  const items = await db
    .insertInto("queue_items")
    .values(outputs.map((output) => ({ project_id: values.projectId, queue_id: values.queueId, output_id: output.id, content_hash: output.contentHash, inclusion_probability: 1 })))
    .returning(["id", "output_id as outputId"])
    .execute();
  return items
    .map((item) => ({ ...item, externalId: outputs.find((output) => output.id === item.outputId)!.externalId }))
    .sort((a, b) => a.id - b.id);
}

/** A gold label's answer; `label` is the verdict, written as is, unchecked against the queue's schema. */
export type GoldValues = { label: string; correction?: string | null; confidence?: number; method?: string };

/** A resolved queue item for the output with a current gold label; creates the output unless `outputId` is given. */
export async function seedGold(db: Executor, values: GoldValues & { projectId: string; queueId: string; externalId?: string; outputId?: number }) {
  const { projectId, queueId } = values;
  const outputId = values.outputId ?? (await seedOutputs(db, { projectId, count: 1, build: () => ({ externalId: values.externalId }) }))[0]!.id;
  const item = await db
    .insertInto("queue_items")
    .values({ project_id: projectId, queue_id: queueId, output_id: outputId, content_hash: uniqueSuffix(16), inclusion_probability: 1, state: "resolved", resolved_at: new Date() })
    .returning("id")
    .executeTakeFirstOrThrow();
  const gold = await insertGold(db, { projectId, queueId, queueItemId: item.id, outputId, supersedes: null }, values);
  return { outputId, queueItemId: item.id, goldLabelId: gold.id };
}

async function insertGold(db: Executor, keys: { projectId: string; queueId: string; queueItemId: number; outputId: number; supersedes: number | null }, values: GoldValues) {
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
export async function seedManyGold(db: Executor, values: { projectId: string; queueId: string; count: number; prefix: string }) {
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

/** A dataset with one published, empty release. */
export async function seedRelease(db: Executor, values: { projectId: string; name: string; number: number; publishedAt?: Date }) {
  const dataset = await db
    .insertInto("datasets")
    .values({ project_id: values.projectId, name: values.name, slug: `${values.name.toLowerCase()}-${values.number}` })
    .returning("id")
    .executeTakeFirstOrThrow();
  return db
    .insertInto("dataset_releases")
    .values({ project_id: values.projectId, dataset_id: dataset.id, number: values.number, changelog: JSON.stringify({}), row_count: 0, published_at: values.publishedAt ?? new Date() })
    .returning(["id", "dataset_id as datasetId", "number"])
    .executeTakeFirstOrThrow();
}
