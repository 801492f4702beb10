import { sql, type Kysely } from "kysely";

/** Which step a running refit is at, so the inference page can show its progress. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations run against the schema as it was, not as db/types.ts says it is now
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable("truth_refit_requests")
    .addColumn("phase", "text", (col) => col.check(sql`phase is null or phase in ('reading', 'fitting', 'writing', 'reevaluating', 'flagging')`))
    .execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- see up()
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable("truth_refit_requests").dropColumn("phase").execute();
}
