import { sql, type Kysely } from "kysely";

/**
 * Announces new gold labels on the `goldloop_gold_created` channel, one notification per project and
 * statement, with the project id as payload. The gold feed's live stream wakes on it. A trigger rather than
 * a call in each writer, so no path that creates gold (consensus, adjudication, revision, imports) can
 * forget; NOTIFY is transactional, so a rolled-back gold label wakes nobody.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations run against the schema as it was, not as db/types.ts says it is now
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create function notify_gold_created() returns trigger language plpgsql as $$
    begin
      perform pg_notify('goldloop_gold_created', project_id::text) from (select distinct project_id from inserted_gold) as projects;
      return null;
    end $$
  `.execute(db);
  await sql`
    create trigger gold_labels_notify_created after insert on gold_labels
    referencing new table as inserted_gold
    for each statement execute function notify_gold_created()
  `.execute(db);
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- see up()
export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop trigger gold_labels_notify_created on gold_labels`.execute(db);
  await sql`drop function notify_gold_created()`.execute(db);
}
