import { sql } from "kysely";
import type { Executor } from "@/db/executor";

/** An output ready to store; jsonb columns arrive as JSON text. */
export type NewOutput = {
  externalId: string;
  traceId: string | null;
  sessionId: string | null;
  model: string | null;
  inputJson: string;
  outputJson: string;
  /** JSON text of the candidate outputs ({ output, model? }[]), or null for one output. */
  candidatesJson: string | null;
  metadataJson: string;
  tags: string[];
  endUserId: string | null;
  consent: boolean;
  contentHash: string;
  producedAt: string | null;
  /** JSON text of the suggestion, or null. */
  suggestionJson: string | null;
  /** JSON text of the per-rule counts of redacted PII, e.g. {"email":2}. */
  redactionCountsJson: string;
};

const jsonText = (value: string | null) => (value === null ? "null" : JSON.stringify(value));

/**
 * The batch as ONE JSON array of row objects for jsonb_to_recordset. The jsonb columns' text is spliced in
 * as it is (it is JSON already), so nothing is serialised twice; short keys keep the text small.
 */
function toRowsJson(rows: readonly NewOutput[]): string {
  let text = "[";
  for (const row of rows) {
    text +=
      `${text.length > 1 ? "," : ""}{"e":${JSON.stringify(row.externalId)},"t":${jsonText(row.traceId)},"sn":${jsonText(row.sessionId)},"m":${jsonText(row.model)},` +
      `"i":${row.inputJson},"o":${row.outputJson},"cd":${row.candidatesJson ?? "null"},"md":${row.metadataJson},"tg":${JSON.stringify(row.tags)},"u":${jsonText(row.endUserId)},` +
      `"c":${row.consent},"h":${JSON.stringify(row.contentHash)},"p":${jsonText(row.producedAt)},"s":${row.suggestionJson ?? "null"},"rc":${row.redactionCountsJson}}`;
  }
  return `${text}]`;
}

/** A queue that drew an output of the batch; written only if the output turns out to be new. */
export type NewOutputQueueItem = { queueId: string; externalId: string; inclusionProbability: number; isHoldout: boolean; stratum: string; priority: number };

/**
 * Inserts a batch of outputs and the queue items drawn for them in ONE statement, so it is atomic without
 * an explicit transaction (and its extra round trips). Outputs whose external_id the project already
 * holds are skipped and so never re-queued; content a queue already holds is skipped too. Returns the
 * created outputs with how many queues took each.
 */
export async function insertOutputsWithQueueItems(db: Executor, projectId: string, rows: readonly NewOutput[], queueItems: readonly NewOutputQueueItem[]) {
  if (rows.length === 0) return [];
  // The rows travel as ONE jsonb parameter expanded by jsonb_to_recordset. A 1,000-row VALUES list has
  // 12,000 parameters and spends more time in parse and plan than in writing; one array parameter per column
  // (unnest over jsonb[]) escapes every JSON text into an array literal in Node and un-escapes it again in
  // Postgres, about twice the cost of parsing one jsonb document. json_to_recordset would be slower still:
  // it re-parses each jsonb column's text, where jsonb_to_recordset hands the parsed value over as it is.
  return db
    .with("created", (query) =>
      query
        .insertInto("outputs")
        .columns(["project_id", "external_id", "trace_id", "session_id", "model", "input", "output", "candidates", "metadata", "tags", "end_user_id", "consent", "content_hash", "produced_at", "suggestion", "redaction_counts"])
        .expression(
          sql`select ${projectId}::uuid, row.e, row.t, row.sn, row.m, row.i, row.o, row.cd, row.md, row.tg, row.u, row.c, row.h, coalesce(row.p, now()), row.s, row.rc
            from jsonb_to_recordset(${toRowsJson(rows)}::jsonb)
              as row(e text, t text, sn text, m text, i jsonb, o jsonb, cd jsonb, md jsonb, tg text[], u text, c boolean, h text, p timestamptz, s jsonb, rc jsonb)`,
        )
        .onConflict((conflict) => conflict.columns(["project_id", "external_id"]).doNothing())
        .returning(["id", "external_id", "content_hash"]),
    )
    .with("queued", (query) =>
      query
        .insertInto("queue_items")
        .columns(["project_id", "queue_id", "output_id", "content_hash", "inclusion_probability", "is_holdout", "stratum", "priority"])
        // Ordered by queue and content so concurrent batches take the unique-index locks in one order.
        .expression(
          sql`select ${projectId}::uuid, plan.queue_id, created.id, created.content_hash, plan.inclusion_probability, plan.is_holdout, plan.stratum, plan.priority
            from unnest(${queueItems.map((item) => item.queueId)}::uuid[], ${queueItems.map((item) => item.externalId)}::text[],
              ${queueItems.map((item) => item.inclusionProbability)}::float8[], ${queueItems.map((item) => item.isHoldout)}::boolean[],
              ${queueItems.map((item) => item.stratum)}::text[], ${queueItems.map((item) => item.priority)}::int[])
              as plan(queue_id, external_id, inclusion_probability, is_holdout, stratum, priority)
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
