import { sql, type Kysely } from "kysely";

/**
 * Every claim inserts an assignment, so each index on assignments is paid on the hottest, most contended
 * statement. (project_id, queue_id, annotator_id, state) was the widest of them and held every assignment
 * ever made. It becomes two partial indexes, each serving the queries that read its states:
 * - active assignments by (queue_id, annotator_id, lease_expires_at): "my live lease in this queue", today's
 *   leases against a daily cap, and lease reaping. It holds only live leases (a few per annotator), so a claim
 *   inserts into a small index, and it replaces the lease-time index: reaping, which runs before every claim,
 *   reads the lease time from the index entries and visits only expired rows.
 * - finished assignments (submitted or skipped) by (annotator_id, queue_id): an annotator's progress and
 *   their recent answers. A submit or skip adds the entry, off the claim's path.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations run against the schema as it was, not as db/types.ts says it is now
export async function up(db: Kysely<any>): Promise<void> {
  await sql`create index assignments_active_idx on assignments (queue_id, annotator_id, lease_expires_at) where state = 'active'`.execute(db);
  await sql`create index assignments_finished_idx on assignments (annotator_id, queue_id) where state in ('submitted', 'skipped')`.execute(db);
  await db.schema.dropIndex("assignments_project_queue_annotator_idx").execute();
  await db.schema.dropIndex("assignments_active_lease_idx").execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- see up()
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.createIndex("assignments_project_queue_annotator_idx").on("assignments").columns(["project_id", "queue_id", "annotator_id", "state"]).execute();
  await sql`create index assignments_active_lease_idx on assignments (lease_expires_at) where state = 'active'`.execute(db);
  await db.schema.dropIndex("assignments_finished_idx").execute();
  await db.schema.dropIndex("assignments_active_idx").execute();
}
