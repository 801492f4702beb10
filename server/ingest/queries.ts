import { sql, type Kysely, type Transaction } from "kysely";
import type { DB } from "@/db/types";

type Executor = Kysely<DB> | Transaction<DB>;

/** An output ready to store; jsonb columns arrive as JSON text. */
export type NewOutput = {
  externalId: string;
  traceId: string | null;
  model: string | null;
  inputJson: string;
  outputJson: string;
  metadataJson: string;
  tags: string[];
  endUserId: string | null;
  consent: boolean;
  contentHash: string;
  producedAt: string | null;
};

/** A Postgres array literal, so each row's tags travel as one element of a text[] parameter. */
function toTextArrayLiteral(values: readonly string[]): string {
  return `{${values.map((value) => `"${value.replace(/[\\"]/g, "\\$&")}"`).join(",")}}`;
}

/** A queue that drew an output of the batch; written only if the output turns out to be new. */
export type NewOutputQueueItem = { queueId: string; externalId: string; inclusionProbability: number };

/**
 * Inserts a batch of outputs and the queue items drawn for them in ONE statement, so it is atomic without
 * an explicit transaction (and its extra round trips). Outputs whose external_id the project already
 * holds are skipped and so never re-queued; content a queue already holds is skipped too. Returns the
 * created outputs with how many queues took each.
 */
export async function insertOutputsWithQueueItems(db: Executor, projectId: string, rows: readonly NewOutput[], queueItems: readonly NewOutputQueueItem[]) {
  if (rows.length === 0) return [];
  // One array parameter per column (unnest) rather than one parameter per value: a 1,000-row VALUES list
  // has 12,000 parameters and spends more time in parse and plan than in writing.
  const column = <T>(pick: (row: NewOutput) => T) => rows.map(pick);
  return db
    .with("created", (query) =>
      query
        .insertInto("outputs")
        .columns(["project_id", "external_id", "trace_id", "model", "input", "output", "metadata", "tags", "end_user_id", "consent", "content_hash", "produced_at"])
        .expression(
          sql`select ${projectId}::uuid, row.external_id, row.trace_id, row.model, row.input, row.output, row.metadata,
              row.tags::text[], row.end_user_id, row.consent, row.content_hash, coalesce(row.produced_at, now())
            from unnest(${column((row) => row.externalId)}::text[], ${column((row) => row.traceId)}::text[],
              ${column((row) => row.model)}::text[], ${column((row) => row.inputJson)}::jsonb[], ${column((row) => row.outputJson)}::jsonb[],
              ${column((row) => row.metadataJson)}::jsonb[], ${column((row) => toTextArrayLiteral(row.tags))}::text[],
              ${column((row) => row.endUserId)}::text[], ${column((row) => row.consent)}::boolean[],
              ${column((row) => row.contentHash)}::text[], ${column((row) => row.producedAt)}::timestamptz[])
              as row(external_id, trace_id, model, input, output, metadata, tags, end_user_id, consent, content_hash, produced_at)`,
        )
        .onConflict((conflict) => conflict.columns(["project_id", "external_id"]).doNothing())
        .returning(["id", "external_id", "content_hash"]),
    )
    .with("queued", (query) =>
      query
        .insertInto("queue_items")
        .columns(["project_id", "queue_id", "output_id", "content_hash", "inclusion_probability"])
        // Ordered by queue and content so concurrent batches take the unique-index locks in one order.
        .expression(
          sql`select ${projectId}::uuid, plan.queue_id, created.id, created.content_hash, plan.inclusion_probability
            from unnest(${queueItems.map((item) => item.queueId)}::uuid[], ${queueItems.map((item) => item.externalId)}::text[],
              ${queueItems.map((item) => item.inclusionProbability)}::float8[]) as plan(queue_id, external_id, inclusion_probability)
            join created on created.external_id = plan.external_id
            order by plan.queue_id, created.content_hash`,
        )
        .onConflict((conflict) => conflict.doNothing())
        .returning(["output_id"]),
    )
    .selectFrom("created")
    .leftJoin("queued", "queued.output_id", "created.id")
    .select(["created.id", "created.external_id as externalId", (eb) => eb.fn.count<number>("queued.output_id").as("queued")])
    .groupBy(["created.id", "created.external_id"])
    .execute();
}

/** Ids of the project's outputs with these external ids. */
export async function findOutputIds(db: Executor, projectId: string, externalIds: readonly string[]) {
  if (externalIds.length === 0) return [];
  return db
    .selectFrom("outputs")
    .select(["id", "external_id as externalId"])
    .where("project_id", "=", projectId)
    .where("external_id", "=", sql<string>`any(${externalIds}::text[])`)
    .execute();
}

export type NewSignal = {
  outputId: number;
  kind: string;
  value: number | null;
  comment: string | null;
  endUserId: string | null;
  idempotencyKey: string | null;
  occurredAt: Date;
};

/**
 * Inserts signals in one statement; one whose idempotency key the project already holds is skipped.
 * Returns the created rows in insertion order.
 */
export async function insertSignals(db: Executor, projectId: string, signals: readonly NewSignal[]) {
  if (signals.length === 0) return [];
  return db
    .insertInto("signals")
    .values(
      signals.map((signal) => ({
        project_id: projectId,
        output_id: signal.outputId,
        kind: signal.kind,
        value: signal.value,
        comment: signal.comment,
        end_user_id: signal.endUserId,
        idempotency_key: signal.idempotencyKey,
        occurred_at: signal.occurredAt,
      })),
    )
    .onConflict((conflict) => conflict.columns(["project_id", "idempotency_key"]).where("idempotency_key", "is not", null).doNothing())
    .returning(["id", "idempotency_key as idempotencyKey"])
    .execute();
}
