import { sql, type Kysely } from "kysely";

/**
 * Loop latency, stamped on every gold label by triggers, so no path that creates gold (consensus,
 * adjudication, revision, imports) can forget:
 * - before insert: ingested_at (the output's created_at), queued_at (the queue item's created_at) and
 *   first_claimed_at (the item's earliest assignment), unless the writer gave them;
 * - at commit: pullable_at, from clock_timestamp() in a deferred constraint trigger, which runs as the
 *   writing transaction ends. The gold feed and releases can serve the label from that commit on, so this
 *   is when it became pullable (to within the commit's own flush).
 * A writer that gives every stage (a bulk seed, an import of history) skips both triggers.
 * Plus the indexes the metrics job reads windows through.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations run against the schema as it was, not as db/types.ts says it is now
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create function stamp_gold_latency() returns trigger language plpgsql as $$
    begin
      if new.ingested_at is null then
        select outputs.created_at into new.ingested_at from outputs where outputs.project_id = new.project_id and outputs.id = new.output_id;
      end if;
      if new.queued_at is null then
        select queue_items.created_at into new.queued_at from queue_items where queue_items.project_id = new.project_id and queue_items.id = new.queue_item_id;
      end if;
      if new.first_claimed_at is null then
        select min(assignments.created_at) into new.first_claimed_at from assignments where assignments.project_id = new.project_id and assignments.queue_item_id = new.queue_item_id;
      end if;
      return new;
    end $$
  `.execute(db);
  await sql`
    create trigger gold_labels_stamp_latency before insert on gold_labels
    for each row when (new.ingested_at is null or new.queued_at is null or new.first_claimed_at is null)
    execute function stamp_gold_latency()
  `.execute(db);

  await sql`
    create function stamp_gold_pullable() returns trigger language plpgsql as $$
    begin
      update gold_labels set pullable_at = clock_timestamp() where project_id = new.project_id and id = new.id and pullable_at is null;
      return null;
    end $$
  `.execute(db);
  await sql`
    create constraint trigger gold_labels_stamp_pullable after insert on gold_labels
    deferrable initially deferred
    for each row when (new.pullable_at is null)
    execute function stamp_gold_pullable()
  `.execute(db);

  await db.schema.createIndex("annotations_project_created_idx").on("annotations").columns(["project_id", "created_at"]).execute();
  await db.schema.createIndex("gold_labels_project_created_idx").on("gold_labels").columns(["project_id", "created_at"]).execute();
  await sql`create index queue_items_project_resolved_idx on queue_items (project_id, resolved_at) where resolved_at is not null`.execute(db);
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- see up()
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex("queue_items_project_resolved_idx").execute();
  await db.schema.dropIndex("gold_labels_project_created_idx").execute();
  await db.schema.dropIndex("annotations_project_created_idx").execute();
  await sql`drop trigger gold_labels_stamp_pullable on gold_labels`.execute(db);
  await sql`drop function stamp_gold_pullable()`.execute(db);
  await sql`drop trigger gold_labels_stamp_latency on gold_labels`.execute(db);
  await sql`drop function stamp_gold_latency()`.execute(db);
}
