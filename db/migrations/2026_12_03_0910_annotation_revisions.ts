import { sql, type Kysely } from "kysely";

/**
 * An annotator may change their own answer until the item resolves. The annotation row stays the current
 * answer (so everything that counts, resolves and measures answers reads it as before) and counts its
 * revisions; each replaced answer is kept here, whole, with when it was replaced.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations run against the schema as it was, not as db/types.ts says it is now
export async function up(db: Kysely<any>): Promise<void> {
  await sql`alter table annotations add column revision integer not null default 1 check (revision >= 1)`.execute(db);
  await sql`alter table annotations add column revised_at timestamptz`.execute(db);
  await sql`
    create table annotation_revisions (
      project_id uuid not null references projects (id) on delete cascade,
      annotation_id bigint not null references annotations (id) on delete cascade,
      revision integer not null check (revision >= 1),
      "values" jsonb not null,
      note text,
      correction text,
      schema_version integer not null,
      replaced_at timestamptz not null default now(),
      primary key (annotation_id, revision)
    )
  `.execute(db);
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- see up()
export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop table annotation_revisions`.execute(db);
  await sql`alter table annotations drop column revised_at`.execute(db);
  await sql`alter table annotations drop column revision`.execute(db);
}
