import { sql, type Kysely } from "kysely";

/**
 * Two or more outputs for one input, for pairwise review: on the output as ingested, and on each release
 * row frozen from it, so a preference pair exported later compares what the annotators compared.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations run against the schema as it was, not as db/types.ts says it is now
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    alter table outputs add column candidates jsonb,
      add constraint outputs_candidates_check check (candidates is null or (jsonb_typeof(candidates) = 'array' and jsonb_array_length(candidates) >= 2))
  `.execute(db);
  await sql`alter table release_rows add column candidates jsonb`.execute(db);
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- see up()
export async function down(db: Kysely<any>): Promise<void> {
  await sql`alter table release_rows drop column candidates`.execute(db);
  await sql`alter table outputs drop column candidates`.execute(db);
}
