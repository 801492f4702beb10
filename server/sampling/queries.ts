import { sql, type RawBuilder } from "kysely";
import type { StoredSamplingOutput } from "./rule";
import type { Executor } from "@/db/executor";

/** The stored sampling rules of the project's queues that still take items (not archived). */
export async function listOpenQueueRules(db: Executor, projectId: string, queueId?: string) {
  let query = db
    .selectFrom("queues")
    .select(["id", "sampling_rule as samplingRule", "holdout_fraction as holdoutFraction", "threads_sampled_until as threadsSampledUntil", "created_at as createdAt"])
    .select(sql<boolean>`jsonb_path_exists(label_schema, '$.fields[*] ? (@.type == "pairwise")')`.as("comparesCandidates"))
    .where("project_id", "=", projectId)
    .where("archived_at", "is", null);
  if (queueId !== undefined) query = query.where("id", "=", queueId);
  return query.execute();
}

/**
 * How a queue sees an output: alone (`threadIdleMinutes` null), or as a turn of its thread, whose signals
 * are every earlier turn's too and which is the thread's last turn once the session has been idle that long.
 */
export type OutputView = { threadIdleMinutes: number | null; asOf: Date };

/** The signals an output's unit carries: its own, or (thread view) those of every turn of its session up to it. */
export function unitSignalsSql(view: OutputView): RawBuilder<unknown> {
  if (view.threadIdleMinutes === null) return sql`signals s where s.project_id = o.project_id and s.output_id = o.id`;
  return sql`signals s where s.project_id = o.project_id and (s.output_id = o.id or (o.session_id is not null and s.output_id in (
    select turn.id from outputs turn where turn.project_id = o.project_id and turn.session_id = o.session_id and turn.produced_at <= o.produced_at)))`;
}

/**
 * True for the last turn of a thread: an output without a session, or one no later turn of its session
 * followed within the idle time, once that time has passed by `asOf`. Later turns are compared on (produced_at, id).
 */
export function threadEndSql(view: OutputView): RawBuilder<boolean> {
  if (view.threadIdleMinutes === null) return sql<boolean>`(o.session_id is null)`;
  const idle = sql`make_interval(mins => ${view.threadIdleMinutes})`;
  return sql<boolean>`(o.session_id is null or (o.produced_at <= ${view.asOf}::timestamptz - ${idle} and not exists (
    select 1 from outputs later where later.project_id = o.project_id and later.session_id = o.session_id
      and (later.produced_at, later.id) > (o.produced_at, o.id) and later.produced_at <= o.produced_at + ${idle})))`;
}

/** The UTC day of an output's produced_at, as YYYY-MM-DD: the day whose plan sets its rate. */
export const utcDaySql = sql<string>`to_char(o.produced_at at time zone 'UTC', 'YYYY-MM-DD')`;

function selectSamplingOutputs(db: Executor, projectId: string, view: OutputView) {
  const unitSignals = unitSignalsSql(view);
  return db
    .selectFrom("outputs as o")
    .select([
      "o.id",
      "o.external_id as externalId",
      "o.model",
      "o.tags",
      "o.metadata",
      "o.consent",
      sql<boolean>`o.candidates is not null`.as("hasCandidates"),
      "o.content_hash as contentHash",
      utcDaySql.as("day"),
      threadEndSql(view).as("isThreadEnd"),
      sql<string[]>`array(select distinct s.kind from ${unitSignals})`.as("signalKinds"),
      sql<number | null>`(select min(s.value) from ${unitSignals} and s.kind = 'score')`.as("minScore"),
    ])
    .where("o.project_id", "=", projectId);
}

type SamplingRow = Awaited<ReturnType<ReturnType<typeof selectSamplingOutputs>["execute"]>>[number];

function toSamplingOutput(row: SamplingRow): StoredSamplingOutput {
  return { ...row, metadata: (row.metadata ?? {}) as Record<string, unknown> };
}

/** One page of the project's outputs in id order, for scanning them all (keyset pagination). */
export async function listSamplingOutputsPage(db: Executor, projectId: string, view: OutputView, page: { afterId: number; limit: number }) {
  const rows = await selectSamplingOutputs(db, projectId, view).where("o.id", ">", page.afterId).orderBy("o.id").limit(page.limit).execute();
  return rows.map(toSamplingOutput);
}

/** These outputs, seen through the view. */
export async function findSamplingOutputs(db: Executor, projectId: string, view: OutputView, outputIds: readonly number[]) {
  if (outputIds.length === 0) return [];
  const rows = await selectSamplingOutputs(db, projectId, view).where("o.id", "=", sql<number>`any(${outputIds}::bigint[])`).execute();
  return rows.map(toSamplingOutput);
}

/** These outputs and every turn of their sessions, seen through a thread view: a signal on any turn can change its thread's last turn's π. */
export async function findThreadSamplingOutputs(db: Executor, projectId: string, view: OutputView, outputIds: readonly number[]) {
  if (outputIds.length === 0) return [];
  const rows = await selectSamplingOutputs(db, projectId, view)
    .where((eb) =>
      eb.or([
        eb("o.id", "=", sql<number>`any(${outputIds}::bigint[])`),
        eb(
          "o.session_id",
          "in",
          eb.selectFrom("outputs as signalled").select("signalled.session_id").where("signalled.project_id", "=", projectId).where("signalled.id", "=", sql<number>`any(${outputIds}::bigint[])`).where("signalled.session_id", "is not", null),
        ),
      ]),
    )
    .execute();
  return rows.map(toSamplingOutput);
}

/** Turns of sessions produced in (after, until]: the candidates for last turns of threads that went idle since the last look. */
export async function listIdleThreadTurns(db: Executor, projectId: string, view: OutputView, window: { after: Date | null; until: Date }) {
  let query = selectSamplingOutputs(db, projectId, view).where("o.session_id", "is not", null).where("o.produced_at", "<=", window.until);
  if (window.after !== null) query = query.where("o.produced_at", ">", window.after);
  return (await query.execute()).map(toSamplingOutput);
}

/** Records how far the last-turn job has looked for a queue. */
export async function setThreadsSampledUntil(db: Executor, projectId: string, queueId: string, until: Date) {
  await db.updateTable("queues").set({ threads_sampled_until: until }).where("project_id", "=", projectId).where("id", "=", queueId).execute();
}

export type NewQueueItem = {
  queueId: string;
  outputId: number;
  contentHash: string;
  inclusionProbability: number;
  isHoldout: boolean;
  stratum: string;
  priority: number;
  provenance: "rule" | "backfill";
};

/**
 * Adds items in one statement. An output already in the queue, content the queue already holds, or an
 * output a lead removed from the queue is skipped rather than failing, so replays are harmless and a
 * removed output never comes back. Returns the items actually added.
 */
export async function insertQueueItems(db: Executor, projectId: string, items: readonly NewQueueItem[]) {
  if (items.length === 0) return [];
  // One array parameter per column instead of one parameter per value: Postgres plans a short statement.
  return db
    .insertInto("queue_items")
    .columns(["project_id", "queue_id", "output_id", "content_hash", "inclusion_probability", "is_holdout", "stratum", "priority", "provenance"])
    .expression(
      sql`select ${projectId}::uuid, item.queue_id, item.output_id, item.content_hash, item.inclusion_probability, item.is_holdout, item.stratum, item.priority, item.provenance
        from unnest(${items.map((item) => item.queueId)}::uuid[], ${items.map((item) => item.outputId)}::bigint[],
          ${items.map((item) => item.contentHash)}::text[], ${items.map((item) => item.inclusionProbability)}::float8[],
          ${items.map((item) => item.isHoldout)}::boolean[], ${items.map((item) => item.stratum)}::text[],
          ${items.map((item) => item.priority)}::int[], ${items.map((item) => item.provenance)}::text[])
          as item(queue_id, output_id, content_hash, inclusion_probability, is_holdout, stratum, priority, provenance)
        where not exists (select 1 from queue_removed_outputs removed
          where removed.project_id = ${projectId} and removed.queue_id = item.queue_id and removed.output_id = item.output_id)`,
    )
    .onConflict((conflict) => conflict.doNothing())
    .returning(["queue_id as queueId", "output_id as outputId"])
    .execute();
}

/**
 * Raises the stored π (and priority) of items already in their queue to what their output's signals make
 * it now: an output the holdout or the floor ε took before its signal arrived could, from then on, also
 * have come in at its full rate. π only grows with signals, so a smaller value is never written.
 */
export async function raiseInclusionProbabilities(db: Executor, projectId: string, items: readonly { queueId: string; outputId: number; inclusionProbability: number; priority: number }[]) {
  if (items.length === 0) return;
  await sql`
    update queue_items qi
    set inclusion_probability = greatest(qi.inclusion_probability, item.inclusion_probability), priority = greatest(qi.priority, item.priority)
    from unnest(${items.map((item) => item.queueId)}::uuid[], ${items.map((item) => item.outputId)}::bigint[],
      ${items.map((item) => item.inclusionProbability)}::float8[], ${items.map((item) => item.priority)}::int[])
      as item(queue_id, output_id, inclusion_probability, priority)
    where qi.project_id = ${projectId} and qi.queue_id = item.queue_id and qi.output_id = item.output_id
      and (qi.inclusion_probability < item.inclusion_probability or qi.priority < item.priority)
  `.execute(db);
}
