import { sql, type Kysely } from "kysely";

/**
 * The rubric criteria a row's schema version marks as assertions, with the gold's verdict on each, frozen
 * with the row: an eval export carries them as checks a model's output must pass. Null on rows frozen
 * before it existed.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations run against the schema as it was, not as db/types.ts says it is now
export async function up(db: Kysely<any>): Promise<void> {
  await sql`alter table release_rows add column assertions jsonb`.execute(db);
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- see up()
export async function down(db: Kysely<any>): Promise<void> {
  await sql`alter table release_rows drop column assertions`.execute(db);
}
