import { sql, type Kysely, type RawBuilder } from "kysely";
import type { DB } from "@/db/types";
import type { ExportFormat, ReleaseSplit } from "./schema";

/**
 * What one export reads: a release, optionally only one split, optionally only what changed since an
 * earlier release of the same dataset, and for training formats only the rows that make a valid example.
 */
export type RowSelection = {
  projectId: string;
  releaseId: number;
  releaseNumber: number;
  split: ReleaseSplit | null;
  format: ExportFormat;
  /** The earlier release to diff against (`since`). */
  previousReleaseId: number | null;
};

/**
 * A page of an export: its lines as Postgres rendered them (see renderLine), each ended by "\n", joined
 * into one text by Postgres, so neither the driver nor the encoder handles a JavaScript object per row
 * until it needs one. `count` and `lastPosition` drive the next page.
 */
export type ExportPage = { count: number; lastPosition: number; text: string };

/**
 * A stored conversation's text, the same as `conversationToText` in server/items: the value itself when it
 * is text, else the last assistant message's content, else the last message's. Computed here so that the
 * row count, the DPO filter and the rendered pair all agree on one value.
 */
const conversationText = (conversation: RawBuilder<unknown>) => sql<string>`(case jsonb_typeof(${conversation})
  when 'string' then ${conversation} #>> '{}'
  when 'array' then coalesce(
    (select message ->> 'content' from jsonb_array_elements(${conversation}) with ordinality as turn(message, n)
     where message ->> 'role' = 'assistant' order by turn.n desc limit 1),
    ${conversation} -> -1 ->> 'content', '')
  else '' end)`;

/** The original output's text. */
const outputText = (row: string) => conversationText(sql`${sql.ref(`${row}.original_output`)}`);

/** The gold side of a pairwise field ('a' or 'b'; null for a tie, no pairwise field, or no candidates). A queue has at most one pairwise field. */
const pairwiseWinner = (row: string) => sql<string | null>`(case when ${sql.ref(`${row}.candidates`)} is not null then (
  select preference.value ->> 'choice' from jsonb_each(${sql.ref(`${row}.label`)}) as preference
  where jsonb_typeof(preference.value) = 'object' and preference.value ->> 'choice' in ('a', 'b') limit 1) end)`;

const candidateText = (row: string, index: number) => conversationText(sql`(${sql.ref(`${row}.candidates`)} -> ${sql.lit(index)} -> 'output')`);

/**
 * What training prefers: the candidate gold chose on a pairwise row, else the gold correction (null
 * without one). `rejectedText` is what it is preferred over: the other candidate, else the original.
 */
const preferredText = (row: string) =>
  sql<string | null>`(case ${pairwiseWinner(row)} when 'a' then ${candidateText(row, 0)} when 'b' then ${candidateText(row, 1)} else ${sql.ref(`${row}.correction`)} end)`;
/** The answer supervised training teaches: the gold correction, else the chosen candidate, else the original output. */
const trainingAnswer = (row: string) => sql<string>`coalesce(${sql.ref(`${row}.correction`)}, ${preferredText(row)}, ${outputText(row)})`;
const rejectedText = (row: string) => sql<string>`(case ${pairwiseWinner(row)} when 'a' then ${candidateText(row, 1)} when 'b' then ${candidateText(row, 0)} else ${outputText(row)} end)`;

/**
 * Training formats take only rows that make a valid example: OpenAI refuses an empty assistant message, and
 * a preference pair needs a preferred text (a correction, or the winning candidate) that differs from a
 * non-empty rejected one.
 */
function trainableFilter(format: ExportFormat, row: string): RawBuilder<boolean> {
  switch (format) {
    case "openai":
      return sql<boolean>`${trainingAnswer(row)} <> ''`;
    case "dpo":
      return sql<boolean>`(${preferredText(row)} <> '' and ${rejectedText(row)} <> '' and ${preferredText(row)} <> ${rejectedText(row)})`;
    case "jsonl":
    case "csv":
    case "parquet":
      return sql<boolean>`true`;
  }
}

const splitFilter = (split: ReleaseSplit | null, row: string) => (split ? sql<boolean>`${sql.ref(`${row}.split`)} = ${split}` : sql<boolean>`true`);

/** The same row (output, queue) in the other release; `queue_id` is null only in releases from before queues were recorded. */
const sameRowIn = (releaseId: number, row: string, other: string) =>
  sql<boolean>`${sql.ref(`${other}.release_id`)} = ${releaseId} and ${sql.ref(`${other}.output_id`)} = ${sql.ref(`${row}.output_id`)} and ${sql.ref(`${other}.queue_id`)} is not distinct from ${sql.ref(`${row}.queue_id`)}`;

const isRelabelled = sql<boolean>`(prev.label is distinct from cur.label or prev.correction is distinct from cur.correction)`;

/** The release row contract, keys in the documented order; `change` follows `release` in a diff. */
function lineColumns(selection: RowSelection, change: RawBuilder<string> | null) {
  return sql`select ${selection.releaseNumber}::int as release, ${change === null ? sql`` : sql`${change} as change,`}
    cur.external_id, cur.input, cur.original_output as output, cur.candidates, cur.label, cur.assertions, cur.correction, cur.method, cur.confidence,
    cur.split, cur.schema_version, cur.queue_name as queue, cur.lineage`;
}

/** A CSV cell of a JSON value: text as it is, anything else as its JSON text. */
const jsonCell = (column: string) => sql`(case jsonb_typeof(${sql.ref(column)}) when 'string' then ${sql.ref(column)} #>> '{}' when 'null' then null else ${sql.ref(column)}::text end)`;

/**
 * How a row's line is rendered for each format:
 * - jsonl: the contract's JSON object, which is the answer itself;
 * - openai: `[input, the answer to teach, original output text]`; dpo: `[input, preferred text, rejected
 *   text]` (the correction and the original output, or on a pairwise row the winning and the losing
 *   candidate): all a training line needs;
 * - csv, parquet: the cells in column order (csvColumns in encoders.ts), nested values as JSON text (CSV
 *   shows text values as text); Parquet adds the answer its messages column trains on (as openai's).
 */
function renderLine(selection: RowSelection, isTombstone: boolean) {
  switch (selection.format) {
    case "jsonl":
      return sql<string>`to_json(line)::text`;
    case "openai":
      return sql<string>`json_build_array(line.input, ${trainingAnswer("cur")}, ${outputText("cur")})::text`;
    case "dpo":
      return sql<string>`json_build_array(line.input, ${preferredText("cur")}, ${rejectedText("cur")})::text`;
    case "csv":
    case "parquet": {
      const change = selection.previousReleaseId === null ? sql`` : sql`line.change,`;
      const isParquet = selection.format === "parquet";
      // JSON null is only ever an erased row's content (see server/privacy): an empty cell, so Parquet builds no messages for it.
      const json = (column: string) => (isParquet ? sql`nullif(${sql.ref(column)}::text, 'null')` : jsonCell(column));
      return isTombstone
        ? sql<string>`json_build_array(line.release, ${change} line.external_id, line.split, line.queue, null, null, null, null, null, null, null, null, null, line.lineage::text)::text`
        : sql<string>`json_build_array(line.release, ${change} line.external_id, line.split, line.queue, line.schema_version,
            ${json("line.input")}, ${json("line.output")}, ${json("line.candidates")}, line.label::text, ${json("line.assertions")}, line.correction, line.method, line.confidence, line.lineage::text
            ${isParquet ? sql`, ${trainingAnswer("cur")}` : sql``})::text`;
    }
  }
}

/** Runs a page's row query with its lines joined into one text by Postgres. */
async function readPage(db: Kysely<DB>, rowsQuery: RawBuilder<{ position: number; line: string }>): Promise<ExportPage> {
  const { rows } = await sql<{ count: number; last_position: number | null; text: string | null }>`
    select count(*)::int as count, max(page.position) as last_position, string_agg(page.line || E'\n', '' order by page.position) as text
    from (${rowsQuery}) as page
  `.execute(db);
  const page = rows[0];
  return { count: page?.count ?? 0, lastPosition: page?.last_position ?? 0, text: page?.text ?? "" };
}

/**
 * A page of the rows this release serves, after `afterPosition`: the whole release, or with `since` the
 * rows added or relabelled since the earlier one (each with its `change`). Postgres renders each line, so
 * JSONL passes text through without parsing stored documents.
 */
export async function readCurrentRows(db: Kysely<DB>, selection: RowSelection, page: { afterPosition: number; limit: number }): Promise<ExportPage> {
  const previousId = selection.previousReleaseId;
  const diff =
    previousId === null
      ? { join: sql``, line: lineColumns(selection, null), where: sql`true` }
      : {
          join: sql`left join release_rows as prev on prev.project_id = ${selection.projectId} and ${sameRowIn(previousId, "cur", "prev")}`,
          line: lineColumns(selection, sql`case when prev.output_id is null then 'added' else 'relabelled' end`),
          where: sql`(prev.output_id is null or ${isRelabelled})`,
        };
  return readPage(
    db,
    sql<{ position: number; line: string }>`
    select cur.position, ${renderLine(selection, false)} as line
    from release_rows as cur
    ${diff.join}
    cross join lateral (${diff.line}) as line
    where cur.project_id = ${selection.projectId} and cur.release_id = ${selection.releaseId} and cur.position > ${page.afterPosition}
      and ${splitFilter(selection.split, "cur")} and ${trainableFilter(selection.format, "cur")} and ${diff.where}
    order by cur.position
    limit ${page.limit}
  `,
  );
}

/**
 * A page of tombstones: rows of the earlier release that this one no longer holds, as their key fields
 * (the same paths as a full row, so a client keys both on `lineage.output_id` and `queue`).
 */
export async function readRemovedRows(db: Kysely<DB>, selection: RowSelection & { previousReleaseId: number }, page: { afterPosition: number; limit: number }): Promise<ExportPage> {
  return readPage(
    db,
    sql<{ position: number; line: string }>`
    select prev.position, ${renderLine(selection, true)} as line
    from release_rows as prev
    cross join lateral (
      select ${selection.releaseNumber}::int as release, 'removed' as change, prev.external_id, prev.split, prev.queue_name as queue,
        jsonb_build_object('output_id', prev.output_id, 'trace_id', prev.lineage -> 'trace_id', 'gold_label_id', prev.gold_label_id) as lineage
    ) as line
    where prev.project_id = ${selection.projectId} and prev.release_id = ${selection.previousReleaseId} and prev.position > ${page.afterPosition}
      and ${splitFilter(selection.split, "prev")}
      and not exists (select 1 from release_rows as cur where cur.project_id = ${selection.projectId} and ${sameRowIn(selection.releaseId, "prev", "cur")})
    order by prev.position
    limit ${page.limit}
  `,
  );
}

/** How many rows an export with this selection serves, counted before the first byte for `X-Goldloop-Row-Count`. */
export async function countSelectedRows(db: Kysely<DB>, selection: RowSelection): Promise<number> {
  const previousId = selection.previousReleaseId;
  const current = sql<number>`(
    select count(*) from release_rows as cur
    ${previousId === null ? sql`` : sql`left join release_rows as prev on prev.project_id = ${selection.projectId} and ${sameRowIn(previousId, "cur", "prev")}`}
    where cur.project_id = ${selection.projectId} and cur.release_id = ${selection.releaseId}
      and ${splitFilter(selection.split, "cur")} and ${trainableFilter(selection.format, "cur")}
      and ${previousId === null ? sql`true` : sql`(prev.output_id is null or ${isRelabelled})`}
  )`;
  const removed =
    previousId === null
      ? sql<number>`0`
      : sql<number>`(
    select count(*) from release_rows as prev
    where prev.project_id = ${selection.projectId} and prev.release_id = ${previousId} and ${splitFilter(selection.split, "prev")}
      and not exists (select 1 from release_rows as cur where cur.project_id = ${selection.projectId} and ${sameRowIn(selection.releaseId, "prev", "cur")})
  )`;
  const { rows } = await sql<{ count: string }>`select (${current} + ${removed})::bigint as count`.execute(db);
  return Number(rows[0]?.count ?? 0);
}
