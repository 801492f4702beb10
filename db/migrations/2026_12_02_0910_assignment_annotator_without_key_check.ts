import { sql, type Kysely } from "kysely";

/**
 * Every claim inserts an assignment, and the foreign key to users checked each insert by taking a KEY
 * SHARE lock on the annotator's users row: a WAL-logged write to one of the few, shared pages of a small
 * table, on the hottest statement, which 50 concurrent claimers queued on (bench:claims: 0.89–0.93 of the
 * raw SKIP LOCKED loop with the key, 0.93–0.95 without). The key's two jobs are kept without the lock:
 * - an assignment names a user who exists: assignments are only made for the signed-in annotator, whom
 *   every request re-reads, and users are never deleted by the app;
 * - deleting a user deletes their assignments: this trigger does it, as the key's cascade did.
 * The key to queue_items stays: a claim already holds that row locked, so its check takes no new lock.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations run against the schema as it was, not as db/types.ts says it is now
export async function up(db: Kysely<any>): Promise<void> {
  await sql`alter table assignments drop constraint assignments_annotator_id_fkey`.execute(db);
  await sql`
    create function delete_assignments_of_deleted_user() returns trigger language plpgsql as $$
    begin
      delete from assignments a using deleted where a.annotator_id = deleted.id;
      return null;
    end $$
  `.execute(db);
  await sql`
    create trigger users_delete_assignments after delete on users
    referencing old table as deleted for each statement execute function delete_assignments_of_deleted_user()
  `.execute(db);
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- see up()
export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop trigger users_delete_assignments on users`.execute(db);
  await sql`drop function delete_assignments_of_deleted_user()`.execute(db);
  await sql`alter table assignments add constraint assignments_annotator_id_fkey foreign key (annotator_id) references users (id) on delete cascade`.execute(db);
}
