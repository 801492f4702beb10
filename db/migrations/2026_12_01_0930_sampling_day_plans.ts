import { sql, type Kysely } from "kysely";

/**
 * The sampling science's state:
 * - `sampling_day_plans` holds each queue's rates for one UTC day, fixed from the days before it the first time
 *   the day is sampled; every draw of that day (at ingest, on a late signal, in a backfill) reads the same rates,
 *   so the π an item records is its true inclusion probability;
 * - `queue_items.stratum` records the stratum the item was drawn in;
 * - `queues.threads_sampled_until` is how far the last-turn job has looked at threads gone idle.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations run against the schema as it was, not as db/types.ts says it is now
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("sampling_day_plans")
    .addColumn("project_id", "uuid", (col) => col.notNull().references("projects.id").onDelete("cascade"))
    .addColumn("queue_id", "uuid", (col) => col.notNull().references("queues.id").onDelete("cascade"))
    .addColumn("day", "date", (col) => col.notNull())
    .addColumn("default_rate", "float8", (col) => col.notNull().check(sql`default_rate between 0 and 1`))
    .addColumn("stratum_rates", "jsonb", (col) => col.notNull())
    .addColumn("expected_items", "float8", (col) => col.notNull())
    .addColumn("limited_by", "text", (col) => col.check(sql`limited_by in ('budget', 'pending_cap')`))
    .addColumn("created_at", "timestamptz", (col) => col.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint("sampling_day_plans_pkey", ["project_id", "queue_id", "day"])
    .execute();
  await db.schema.alterTable("queue_items").addColumn("stratum", "text").execute();
  await db.schema.alterTable("queues").addColumn("threads_sampled_until", "timestamptz").execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- see up()
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable("queues").dropColumn("threads_sampled_until").execute();
  await db.schema.alterTable("queue_items").dropColumn("stratum").execute();
  await db.schema.dropTable("sampling_day_plans").execute();
}
