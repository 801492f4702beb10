import { sql, type SqlBool, type Expression, type Transaction } from "kysely";
import type { Executor } from "@/db/executor";
import type { DB } from "@/db/types";
import type { OutputsCursor } from "./cursor";
import type { OutputFilters } from "./schema";

/** A prompt or completion as its text, or its last message's content: what the list shows (search reads the same, see output_search_vector). */
const lastText = (column: "input" | "output") => sql.raw(`case jsonb_typeof(outputs.${column}) when 'string' then outputs.${column} #>> '{}' else outputs.${column} -> -1 ->> 'content' end`);

/** A prompt or completion as one short line. */
const preview = (column: "input" | "output") => sql<string | null>`left(${lastText(column)}, 240)`;

/** Postgres's own microseconds as text: a cursor taken from a JS Date (milliseconds) would skip or repeat rows. */
const producedAtText = sql<string>`to_char(outputs.produced_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;

/**
 * `key=value` as the metadata values it can mean: the text itself, and also the number, boolean or null it
 * spells (ingest stores `{"attempt": 2}` as a number), each as a containment the GIN index answers.
 */
export function metadataAlternatives(filter: string): string[] {
  const separator = filter.indexOf("=");
  const key = filter.slice(0, separator);
  const text = filter.slice(separator + 1);
  const alternatives: unknown[] = [text];
  if (text === "true" || text === "false" || text === "null") alternatives.push(JSON.parse(text));
  else if (/^-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?$/.test(text) && Number.isFinite(Number(text))) alternatives.push(Number(text));
  // fromEntries makes `key` an own property whatever it is called (`__proto__` included).
  return alternatives.map((value) => JSON.stringify(Object.fromEntries([[key, value]])));
}

function filterConditions(filters: OutputFilters): Expression<SqlBool>[] {
  const conditions: Expression<SqlBool>[] = [];
  if (filters.model !== undefined) conditions.push(sql<SqlBool>`outputs.model = ${filters.model}`);
  if (filters.tags?.length) conditions.push(sql<SqlBool>`outputs.tags @> ${filters.tags}::text[]`);
  for (const filter of filters.metadata ?? []) {
    const alternatives = metadataAlternatives(filter).map((json) => sql`outputs.metadata @> ${json}::jsonb`);
    conditions.push(sql<SqlBool>`(${sql.join(alternatives, sql` or `)})`);
  }
  if (filters.signal !== undefined) {
    conditions.push(sql<SqlBool>`exists (select 1 from signals where signals.project_id = outputs.project_id and signals.output_id = outputs.id and signals.kind = ${filters.signal})`);
  }
  if (filters.from !== undefined) conditions.push(sql<SqlBool>`outputs.produced_at >= ${filters.from}::timestamptz`);
  if (filters.to !== undefined) conditions.push(sql<SqlBool>`outputs.produced_at < ${filters.to}::timestamptz`);
  if (filters.consent !== undefined) conditions.push(sql<SqlBool>`outputs.consent = ${filters.consent}`);
  if (filters.sessionId !== undefined) conditions.push(sql<SqlBool>`outputs.session_id = ${filters.sessionId}`);
  if (filters.endUserId !== undefined) conditions.push(sql<SqlBool>`outputs.end_user_id = ${filters.endUserId}`);
  if (filters.q !== undefined) conditions.push(sql<SqlBool>`output_search_vector(outputs.input, outputs.output) @@ websearch_to_tsquery('simple'::regconfig, ${filters.q})`);
  return conditions;
}

/**
 * For the rest of the transaction. A page reads at most a few thousand rows, but a search's plan counts
 * output_search_vector() as dear as it is, which lifts its estimated cost past the JIT threshold: compiling
 * then takes hundreds of milliseconds and saves nothing.
 */
export async function turnOffJit(trx: Transaction<DB>): Promise<void> {
  await sql`set local jit = off`.execute(trx);
}

/**
 * One page of the project's outputs, newest first (produced_at desc, id desc), after `cursor`; `limit + 1`
 * rows, so the caller knows whether another page follows. Full input and output only `withContent`.
 */
export async function selectOutputsPage(db: Executor, params: { projectId: string; filters: OutputFilters; cursor: OutputsCursor | null; limit: number; withContent: boolean }) {
  const conditions = filterConditions(params.filters);
  if (params.cursor) conditions.push(sql<SqlBool>`(outputs.produced_at, outputs.id) < (${params.cursor.producedAt}::timestamptz, ${params.cursor.id}::bigint)`);
  return db
    .selectFrom("outputs")
    .select([
      "outputs.id",
      "outputs.external_id as externalId",
      "outputs.trace_id as traceId",
      "outputs.session_id as sessionId",
      "outputs.end_user_id as endUserId",
      "outputs.model",
      "outputs.tags",
      "outputs.metadata",
      "outputs.consent",
      "outputs.produced_at as producedAt",
      "outputs.created_at as createdAt",
      "outputs.redaction_counts as redactionCounts",
      producedAtText.as("producedAtText"),
      preview("input").as("inputPreview"),
      preview("output").as("outputPreview"),
      sql<string[]>`array(select distinct signals.kind from signals where signals.project_id = outputs.project_id and signals.output_id = outputs.id order by 1)`.as("signalKinds"),
      // Selected as json (null without content) so the row type stays one shape for both callers.
      sql<unknown>`case when ${params.withContent} then outputs.input end`.as("input"),
      sql<unknown>`case when ${params.withContent} then outputs.output end`.as("output"),
    ])
    .where("outputs.project_id", "=", params.projectId)
    .$if(conditions.length > 0, (query) => query.where(sql<SqlBool>`${sql.join(conditions, sql` and `)}`))
    .orderBy("outputs.produced_at", "desc")
    .orderBy("outputs.id", "desc")
    .limit(params.limit + 1)
    .execute();
}
