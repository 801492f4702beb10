import { sql, type Kysely } from "kysely";

/**
 * Training-ready releases:
 * - gold revisions carry the lead's reason;
 * - a dataset holds a recipe (label filters, time range, correction mode) and a split rule (fractions
 *   and the group key hashed into them);
 * - a release is published by a job, so it has a status and progress;
 * - each frozen row keeps its split, queue, label-schema version and lineage, so every format can be
 *   rendered from the release alone.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations run against the schema as it was, not as db/types.ts says it is now
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable("gold_labels").addColumn("revision_reason", "text").execute();
  // The gold feed pages a project's gold labels in id order.
  await db.schema.createIndex("gold_labels_project_id_idx").on("gold_labels").columns(["project_id", "id"]).execute();

  await db.schema
    .alterTable("datasets")
    // Field key -> the values a gold label's field must take (empty: any value).
    .addColumn("label_filters", "jsonb", (col) => col.notNull().defaultTo(sql`'{}'::jsonb`))
    .addColumn("correction_mode", "text", (col) => col.notNull().defaultTo("allow_original"))
    .addColumn("gold_from", "timestamptz")
    .addColumn("gold_until", "timestamptz")
    .addColumn("split_train", "double precision", (col) => col.notNull().defaultTo(0.8))
    .addColumn("split_validation", "double precision", (col) => col.notNull().defaultTo(0.1))
    .addColumn("split_test", "double precision", (col) => col.notNull().defaultTo(0.1))
    .addColumn("split_key", "text", (col) => col.notNull().defaultTo("end_user_id"))
    .addColumn("split_metadata_key", "text")
    .execute();
  await db.schema.alterTable("datasets").addCheckConstraint("datasets_correction_mode_check", sql`correction_mode in ('allow_original', 'require_correction')`).execute();
  await db.schema
    .alterTable("datasets")
    .addCheckConstraint(
      "datasets_split_fractions_check",
      sql`split_train >= 0 and split_validation >= 0 and split_test >= 0 and abs(split_train + split_validation + split_test - 1) < 1e-9`,
    )
    .execute();
  await db.schema.alterTable("datasets").addCheckConstraint("datasets_split_key_check", sql`split_key in ('end_user_id', 'trace_id', 'metadata')`).execute();
  await db.schema.alterTable("datasets").addCheckConstraint("datasets_split_metadata_key_check", sql`(split_key = 'metadata') = (split_metadata_key is not null)`).execute();
  await db.schema.alterTable("datasets").addCheckConstraint("datasets_gold_range_check", sql`gold_from is null or gold_until is null or gold_from < gold_until`).execute();

  await db.schema
    .alterTable("dataset_releases")
    .addColumn("status", "text", (col) => col.notNull().defaultTo("published"))
    .addColumn("rows_frozen", "integer", (col) => col.notNull().defaultTo(0))
    .addColumn("rows_expected", "integer")
    .addColumn("error", "text")
    // The recipe and split rule the release was built with, as they were.
    .addColumn("recipe", "jsonb", (col) => col.notNull().defaultTo(sql`'{}'::jsonb`))
    .addColumn("requested_at", "timestamptz", (col) => col.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema.alterTable("dataset_releases").addCheckConstraint("dataset_releases_status_check", sql`status in ('queued', 'publishing', 'published', 'failed')`).execute();

  await db.schema
    .alterTable("release_rows")
    .addColumn("split", "text", (col) => col.notNull().defaultTo("train"))
    .addColumn("queue_id", "uuid")
    .addColumn("queue_name", "text")
    .addColumn("schema_version", "integer")
    .addColumn("gold_created_at", "timestamptz")
    // Output and trace ids, each annotation (pseudonymous annotator, values, time) and how the gold was decided.
    .addColumn("lineage", "jsonb", (col) => col.notNull().defaultTo(sql`'{}'::jsonb`))
    .execute();
  await db.schema.alterTable("release_rows").addCheckConstraint("release_rows_split_check", sql`split in ('train', 'validation', 'test')`).execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- see up()
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable("release_rows").dropConstraint("release_rows_split_check").execute();
  for (const column of ["split", "queue_id", "queue_name", "schema_version", "gold_created_at", "lineage"]) {
    await db.schema.alterTable("release_rows").dropColumn(column).execute();
  }
  await db.schema.alterTable("dataset_releases").dropConstraint("dataset_releases_status_check").execute();
  for (const column of ["status", "rows_frozen", "rows_expected", "error", "recipe", "requested_at"]) {
    await db.schema.alterTable("dataset_releases").dropColumn(column).execute();
  }
  for (const constraint of ["datasets_correction_mode_check", "datasets_split_fractions_check", "datasets_split_key_check", "datasets_split_metadata_key_check", "datasets_gold_range_check"]) {
    await db.schema.alterTable("datasets").dropConstraint(constraint).execute();
  }
  for (const column of ["label_filters", "correction_mode", "gold_from", "gold_until", "split_train", "split_validation", "split_test", "split_key", "split_metadata_key"]) {
    await db.schema.alterTable("datasets").dropColumn(column).execute();
  }
  await db.schema.dropIndex("gold_labels_project_id_idx").execute();
  await db.schema.alterTable("gold_labels").dropColumn("revision_reason").execute();
}
