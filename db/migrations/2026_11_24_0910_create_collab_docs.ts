import { sql, type Kysely } from "kysely";

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations run against the schema as it was, not as db/types.ts says it is now
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("collab_docs")
    .addColumn("name", "text", (col) => col.primaryKey())
    .addColumn("project_id", "uuid", (col) => col.notNull().references("projects.id").onDelete("cascade"))
    .addColumn("state", "bytea", (col) => col.notNull())
    .addColumn("created_at", "timestamptz", (col) => col.notNull().defaultTo(sql`now()`))
    .addColumn("updated_at", "timestamptz", (col) => col.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema.createIndex("collab_docs_project_id_idx").on("collab_docs").columns(["project_id", "name"]).execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- see up()
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("collab_docs").execute();
}
