import { sql, type Kysely } from "kysely";

/**
 * Gold revision and publishing as a job:
 * - a lead reopens an item's gold with a reason; while the reopening is open the old gold stays current,
 *   and finalizing closes it with a new gold that supersedes the old;
 * - a release's candidate gold ids are picked in one statement when its job starts, so the rows frozen
 *   batch by batch afterwards are one consistent snapshot, however gold changes in between.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations run against the schema as it was, not as db/types.ts says it is now
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("gold_reopenings")
    .addColumn("id", "bigint", (col) => col.primaryKey().generatedAlwaysAsIdentity())
    .addColumn("project_id", "uuid", (col) => col.notNull().references("projects.id").onDelete("cascade"))
    .addColumn("queue_item_id", "bigint", (col) => col.notNull().references("queue_items.id").onDelete("cascade"))
    .addColumn("gold_label_id", "bigint", (col) => col.notNull().references("gold_labels.id").onDelete("cascade"))
    .addColumn("reason", "text", (col) => col.notNull())
    .addColumn("requested_by", "uuid", (col) => col.references("users.id").onDelete("set null"))
    .addColumn("created_at", "timestamptz", (col) => col.notNull().defaultTo(sql`now()`))
    .addColumn("closed_at", "timestamptz")
    .addColumn("outcome", "text")
    .addCheckConstraint("gold_reopenings_outcome_check", sql`outcome in ('revised', 'cancelled')`)
    .addCheckConstraint("gold_reopenings_closed_check", sql`(outcome is null) = (closed_at is null)`)
    .execute();
  // At most one open reopening per item: the second of two racing leads fails here.
  await sql`create unique index gold_reopenings_open_item_key on gold_reopenings (queue_item_id) where closed_at is null`.execute(db);
  await db.schema.createIndex("gold_reopenings_project_item_idx").on("gold_reopenings").columns(["project_id", "queue_item_id"]).execute();

  await db.schema
    .createTable("release_candidates")
    .addColumn("release_id", "bigint", (col) => col.notNull().references("dataset_releases.id").onDelete("cascade"))
    .addColumn("position", "integer", (col) => col.notNull())
    .addColumn("project_id", "uuid", (col) => col.notNull().references("projects.id").onDelete("cascade"))
    .addColumn("gold_label_id", "bigint", (col) => col.notNull())
    .addPrimaryKeyConstraint("release_candidates_pkey", ["release_id", "position"])
    .execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- see up()
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("release_candidates").execute();
  await db.schema.dropTable("gold_reopenings").execute();
}
