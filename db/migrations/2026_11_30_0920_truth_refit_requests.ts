import { sql, type Kysely } from "kysely";

/**
 * A refit of a queue's truth model, asked for by a lead or by the minute scheduler: its state is what the
 * inference page polls. At most one is queued or running per queue; asking again joins it.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations run against the schema as it was, not as db/types.ts says it is now
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("truth_refit_requests")
    .addColumn("id", "bigint", (col) => col.primaryKey().generatedAlwaysAsIdentity())
    .addColumn("project_id", "uuid", (col) => col.notNull().references("projects.id").onDelete("cascade"))
    .addColumn("queue_id", "uuid", (col) => col.notNull().references("queues.id").onDelete("cascade"))
    .addColumn("state", "text", (col) => col.notNull().defaultTo("queued"))
    // Null when the scheduler asked because new answers arrived.
    .addColumn("requested_by", "uuid", (col) => col.references("users.id").onDelete("set null"))
    .addColumn("requested_at", "timestamptz", (col) => col.notNull().defaultTo(sql`now()`))
    .addColumn("started_at", "timestamptz")
    .addColumn("finished_at", "timestamptz")
    .addColumn("error", "text")
    .addCheckConstraint("truth_refit_requests_state_check", sql`state in ('queued', 'running', 'done', 'failed')`)
    .execute();
  await sql`create unique index truth_refit_requests_open_queue_key on truth_refit_requests (queue_id) where state in ('queued', 'running')`.execute(db);
  await db.schema.createIndex("truth_refit_requests_queue_idx").on("truth_refit_requests").columns(["queue_id", "id"]).execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- see up()
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("truth_refit_requests").execute();
}
