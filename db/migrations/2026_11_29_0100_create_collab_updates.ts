import { sql, type Kysely } from "kysely";

/**
 * The append-only log of collaboration updates. Every Yjs update a client sends is written here before
 * Hocuspocus applies and acknowledges it, so an acknowledged edit survives a crash; compaction folds the
 * log into the collab_docs snapshot and deletes the rows it folded.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations run against the schema as it was, not as db/types.ts says it is now
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("collab_updates")
    .addColumn("id", "bigint", (col) => col.primaryKey().generatedAlwaysAsIdentity())
    .addColumn("project_id", "uuid", (col) => col.notNull().references("projects.id").onDelete("cascade"))
    .addColumn("document_name", "text", (col) => col.notNull())
    .addColumn("update", "bytea", (col) => col.notNull())
    .addColumn("created_at", "timestamptz", (col) => col.notNull().defaultTo(sql`now()`))
    .execute();
  // Loading and compacting a document read its rows in log order.
  await db.schema.createIndex("collab_updates_document_idx").on("collab_updates").columns(["project_id", "document_name", "id"]).execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- see up()
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("collab_updates").execute();
}
