import type { Kysely } from "kysely";

/**
 * Indexes for reading releases page by page:
 * - an export reads `project_id, release_id, position > n order by position limit k`. With the old
 *   (project_id, release_id) index, a release just published (before autovacuum has analysed it) was read
 *   by a bitmap scan and a sort of the whole release on every page; with position in the index the page is
 *   one ordered index range whatever the statistics say. It covers what the old index did, which goes.
 * - "changes since release m" joins two releases on the row identity (output, queue) a page at a time.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations run against the schema as it was, not as db/types.ts says it is now
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.createIndex("release_rows_page_idx").on("release_rows").columns(["project_id", "release_id", "position"]).execute();
  await db.schema.dropIndex("release_rows_project_idx").execute();
  await db.schema.createIndex("release_rows_identity_idx").on("release_rows").columns(["release_id", "output_id", "queue_id"]).execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- see up()
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex("release_rows_identity_idx").execute();
  await db.schema.createIndex("release_rows_project_idx").on("release_rows").columns(["project_id", "release_id"]).execute();
  await db.schema.dropIndex("release_rows_page_idx").execute();
}
