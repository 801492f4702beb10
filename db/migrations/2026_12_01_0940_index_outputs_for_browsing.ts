import { sql, type Kysely } from "kysely";

/**
 * Indexes for the outputs browser (`GET /api/v1/outputs`, the outputs page), chosen so each page stays an
 * index range at a million outputs while ingest pays for as few indexes as possible:
 * - (project_id, produced_at, id) replaces (project_id, produced_at): the keyset page order
 *   `produced_at desc, id desc` is one backward range, with the id tiebreak inside the index. Unselective
 *   filters (consent, a common model or tag, a date range) walk it and stop after one page.
 * - A GIN over the words of the last message of the input (what the user said last) and of the output,
 *   for full-text search (`simple` configuration: no stemming or stop words, so any language). Parsing text
 *   is most of what this index costs ingest, so it reads only those: earlier turns of a chat are their own
 *   outputs' last messages, and system prompts are the same on every output. New entries go to a 32 MB pending list (not the 4 MB default) and are merged
 *   into the tree in bulk, which costs about a third of merging them row by row as batches arrive; a search
 *   reads the pending list too, so nothing stored is missed.
 * - GINs on tags and metadata (jsonb_path_ops: containment only, the smallest GIN for jsonb), and btrees on
 *   (model, page order) and end_user_id, for filters that match few outputs (or none: a misspelt model),
 *   where walking the page order would scan them all.
 * Session lookups use outputs_session_idx from the intake contract.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations run against the schema as it was, not as db/types.ts says it is now
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.createIndex("outputs_project_page_idx").on("outputs").columns(["project_id", "produced_at", "id"]).execute();
  await db.schema.dropIndex("outputs_project_produced_idx").execute();
  // PL/pgSQL so the planner keeps its declared cost (a SQL function would be inlined and costed as cheap):
  // parsing text is dear, and with the true cost a rare word is looked up in the index instead of parsing
  // row after row down the page order.
  await sql`
    create function output_search_vector(input jsonb, output jsonb) returns tsvector
    language plpgsql immutable strict parallel safe cost 100000 as $$
    begin
      return to_tsvector('simple'::regconfig,
        coalesce(case jsonb_typeof(input) when 'string' then input #>> '{}' else input -> -1 ->> 'content' end, '') || ' ' ||
        coalesce(case jsonb_typeof(output) when 'string' then output #>> '{}' else output -> -1 ->> 'content' end, ''));
    end
    $$
  `.execute(db);
  await sql`create index outputs_search_idx on outputs using gin (output_search_vector(input, output)) with (gin_pending_list_limit = 32768)`.execute(db);
  await db.schema.createIndex("outputs_model_idx").on("outputs").columns(["project_id", "model", "produced_at", "id"]).execute();
  await sql`create index outputs_tags_idx on outputs using gin (tags)`.execute(db);
  await sql`create index outputs_metadata_idx on outputs using gin (metadata jsonb_path_ops)`.execute(db);
  await sql`create index outputs_end_user_idx on outputs (project_id, end_user_id) where end_user_id is not null`.execute(db);
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- see up()
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex("outputs_end_user_idx").execute();
  await db.schema.dropIndex("outputs_metadata_idx").execute();
  await db.schema.dropIndex("outputs_tags_idx").execute();
  await db.schema.dropIndex("outputs_model_idx").execute();
  await db.schema.dropIndex("outputs_search_idx").execute();
  await sql`drop function output_search_vector(jsonb, jsonb)`.execute(db);
  await db.schema.createIndex("outputs_project_produced_idx").on("outputs").columns(["project_id", "produced_at"]).execute();
  await db.schema.dropIndex("outputs_project_page_idx").execute();
}
