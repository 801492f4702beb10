import { sql, type Kysely } from "kysely";

/**
 * The key of a queue's first single-choice field, kept by Postgres beside the label schema it comes from.
 * The label, approval and suggestion metrics read it for every annotation of a window: looked up in the
 * schema's JSON per row, it doubled those metric families' time (bench:detectors --source backfill).
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations run against the schema as it was, not as db/types.ts says it is now
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    alter table queues add column primary_choice_key text
    generated always as (jsonb_path_query_first(label_schema, '$.fields[*] ? (@.type == "categorical").key') #>> '{}') stored
  `.execute(db);
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- see up()
export async function down(db: Kysely<any>): Promise<void> {
  await sql`alter table queues drop column primary_choice_key`.execute(db);
}
