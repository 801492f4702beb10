import { sql, type Kysely } from "kysely";

/** A project can say how serious each built-in detector's alerts are (warning unless it says otherwise). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations run against the schema as it was, not as db/types.ts says it is now
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable("detector_settings")
    .addColumn("severity", "text", (col) => col.notNull().defaultTo("warning").check(sql`severity in ('info', 'warning', 'critical')`))
    .execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- see up()
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable("detector_settings").dropColumn("severity").execute();
}
