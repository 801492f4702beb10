import { sql, type Kysely } from "kysely";

/**
 * Queues created by `goldloop import-labels` hold crowd answers: their overlap is the most answers any
 * imported item has (39 on Bluebirds), so the 1–5 bound of queues people create does not fit them. The
 * flag also marks them as closed to new work, which is why no claim ever sees that many seats.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations run against the schema as it was, not as db/types.ts says it is now
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable("queues").addColumn("is_imported", "boolean", (col) => col.notNull().defaultTo(false)).execute();
  await sql`
    alter table queues
      drop constraint queues_overlap_check,
      add constraint queues_overlap_check check (overlap >= 1 and (overlap <= 5 or (is_imported and overlap <= 1000)))
  `.execute(db);
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- see up()
export async function down(db: Kysely<any>): Promise<void> {
  await sql`alter table queues drop constraint queues_overlap_check`.execute(db);
  await db.schema.alterTable("queues").dropColumn("is_imported").execute();
  await sql`alter table queues add constraint queues_overlap_check check (overlap between 1 and 5)`.execute(db);
}
