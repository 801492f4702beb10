import { sql, type Kysely } from "kysely";

/**
 * Ingest answers once its outputs are committed and writes their queue items right after, off the request's
 * path. What it will write is committed with the outputs as one row here, a column per queue-item field, so
 * a process that dies in between loses nothing: the sweeper writes what a plan still holds, and writing a
 * plan deletes it in the same statement, so each is written once.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations run against the schema as it was, not as db/types.ts says it is now
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("queue_item_plans")
    .addColumn("id", "bigint", (col) => col.primaryKey().generatedAlwaysAsIdentity())
    .addColumn("project_id", "uuid", (col) => col.notNull().references("projects.id").onDelete("cascade"))
    .addColumn("queue_ids", sql`uuid[]`, (col) => col.notNull())
    .addColumn("output_ids", sql`bigint[]`, (col) => col.notNull())
    .addColumn("content_hashes", sql`text[]`, (col) => col.notNull())
    .addColumn("inclusion_probabilities", sql`float8[]`, (col) => col.notNull())
    .addColumn("holdouts", sql`boolean[]`, (col) => col.notNull())
    .addColumn("strata", sql`text[]`, (col) => col.notNull())
    .addColumn("priorities", sql`int[]`, (col) => col.notNull())
    .addColumn("created_at", "timestamptz", (col) => col.notNull().defaultTo(sql`now()`))
    .execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- see up()
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("queue_item_plans").execute();
}
