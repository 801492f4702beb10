import { sql, type Kysely } from "kysely";

/**
 * Label schemas are versioned: editing a queue's fields makes version n+1 and keeps every earlier one, so an
 * answer or a gold label is always read with the schema it was given under. Every queue has its version 1
 * row from the moment it exists (a trigger, whoever inserts the queue: the app, the crowd import, seeds); the
 * service that bumps the version inserts the new row with who made it. Gold carries the version its queue
 * had when the gold was written (a trigger, on every path that writes gold), and release rows read it from
 * the gold instead of the queue, which may have moved on since.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations run against the schema as it was, not as db/types.ts says it is now
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create table queue_schema_versions (
      project_id uuid not null references projects (id) on delete cascade,
      queue_id uuid not null references queues (id) on delete cascade,
      version integer not null check (version >= 1),
      label_schema jsonb not null,
      created_by uuid references users (id) on delete set null,
      created_at timestamptz not null default now(),
      primary key (queue_id, version)
    )
  `.execute(db);
  await sql`
    insert into queue_schema_versions (project_id, queue_id, version, label_schema, created_by, created_at)
    select project_id, id, schema_version, label_schema, created_by, created_at from queues
  `.execute(db);
  await sql`
    create function record_first_schema_version() returns trigger language plpgsql as $$
    begin
      insert into queue_schema_versions (project_id, queue_id, version, label_schema, created_by)
      values (new.project_id, new.id, new.schema_version, new.label_schema, new.created_by)
      on conflict do nothing;
      return null;
    end $$
  `.execute(db);
  await sql`create trigger queues_first_schema_version after insert on queues for each row execute function record_first_schema_version()`.execute(db);

  await sql`alter table gold_labels add column schema_version integer not null default 1`.execute(db);
  await sql`update gold_labels set schema_version = queues.schema_version from queues where queues.id = gold_labels.queue_id and queues.schema_version <> 1`.execute(db);
  await sql`
    create function stamp_gold_schema_version() returns trigger language plpgsql as $$
    begin
      select schema_version into new.schema_version from queues where id = new.queue_id;
      return new;
    end $$
  `.execute(db);
  await sql`create trigger gold_labels_schema_version before insert on gold_labels for each row execute function stamp_gold_schema_version()`.execute(db);
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- see up()
export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop trigger gold_labels_schema_version on gold_labels`.execute(db);
  await sql`drop function stamp_gold_schema_version()`.execute(db);
  await sql`alter table gold_labels drop column schema_version`.execute(db);
  await sql`drop trigger queues_first_schema_version on queues`.execute(db);
  await sql`drop function record_first_schema_version()`.execute(db);
  await sql`drop table queue_schema_versions`.execute(db);
}
