import { sql, type Kysely } from "kysely";

/**
 * Columns several parts of production-scale intake share:
 * - `outputs.session_id` groups the turns of one conversation (OTLP `session.id`/`gen_ai.conversation.id`,
 *   or REST `session_id`) into a thread;
 * - `outputs.redaction_counts` records how many matches of each PII rule were redacted before storage;
 * - `queue_items.provenance` says how an item got into its queue: its sampling rule, a backfill or a lead's hand;
 * - `queue_removed_outputs` remembers outputs a lead removed from a queue, so no rule, backfill or hand adds them again.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations run against the schema as it was, not as db/types.ts says it is now
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable("outputs")
    .addColumn("session_id", "text")
    .addColumn("redaction_counts", "jsonb", (col) => col.notNull().defaultTo(sql`'{}'::jsonb`))
    .execute();
  await sql`create index outputs_session_idx on outputs (project_id, session_id, produced_at) where session_id is not null`.execute(db);
  await db.schema
    .alterTable("queue_items")
    .addColumn("provenance", "text", (col) => col.notNull().defaultTo("rule").check(sql`provenance in ('rule', 'backfill', 'manual')`))
    .execute();
  await db.schema
    .createTable("queue_removed_outputs")
    .addColumn("project_id", "uuid", (col) => col.notNull().references("projects.id").onDelete("cascade"))
    .addColumn("queue_id", "uuid", (col) => col.notNull().references("queues.id").onDelete("cascade"))
    .addColumn("output_id", "bigint", (col) => col.notNull().references("outputs.id").onDelete("cascade"))
    .addColumn("removed_by", "uuid", (col) => col.references("users.id").onDelete("set null"))
    .addColumn("removed_at", "timestamptz", (col) => col.notNull().defaultTo(sql`now()`))
    .addColumn("reason", "text")
    .addPrimaryKeyConstraint("queue_removed_outputs_pkey", ["queue_id", "output_id"])
    .execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- see up()
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("queue_removed_outputs").execute();
  await db.schema.alterTable("queue_items").dropColumn("provenance").execute();
  await sql`drop index outputs_session_idx`.execute(db);
  await db.schema.alterTable("outputs").dropColumn("redaction_counts").dropColumn("session_id").execute();
}
