import type { Kysely } from "kysely";

/**
 * "Changes since release m" joins two releases on the row identity (output, queue) a page at a time; this
 * index makes each page an index lookup instead of a scan of the other release.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations run against the schema as it was, not as db/types.ts says it is now
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.createIndex("release_rows_identity_idx").on("release_rows").columns(["release_id", "output_id", "queue_id"]).execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- see up()
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex("release_rows_identity_idx").execute();
}
