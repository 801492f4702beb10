import { sql, type Kysely } from "kysely";

/**
 * Who wrote with which Yjs client id in a shared document. Written by the collaboration server from the
 * authenticated connection that sent the update, never from what a client says about itself, so the
 * authorship colours of a shared correction can be trusted. One client id belongs to one person for good.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations run against the schema as it was, not as db/types.ts says it is now
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("collab_authors")
    .addColumn("project_id", "uuid", (col) => col.notNull().references("projects.id").onDelete("cascade"))
    .addColumn("document_name", "text", (col) => col.notNull())
    .addColumn("client_id", "bigint", (col) => col.notNull())
    .addColumn("user_id", "uuid", (col) => col.notNull().references("users.id").onDelete("cascade"))
    .addColumn("created_at", "timestamptz", (col) => col.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint("collab_authors_pkey", ["project_id", "document_name", "client_id"])
    .execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- see up()
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("collab_authors").execute();
}
