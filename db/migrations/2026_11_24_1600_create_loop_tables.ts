import { sql, type Kysely } from "kysely";

/**
 * The loop's tables: outputs and signals in, queues and their items, assignments and annotations,
 * gold labels, and datasets with immutable releases. High-volume tables use bigint identities; tables a
 * person names in a URL use uuids.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations run against the schema as it was, not as db/types.ts says it is now
export async function up(db: Kysely<any>): Promise<void> {
  const projectId = (col: any) => col.notNull().references("projects.id").onDelete("cascade"); // eslint-disable-line @typescript-eslint/no-explicit-any -- column builder type of Kysely<any>
  // On the two hottest tables (every ingest writes queue items, every claim an assignment) project_id and
  // queue_id are copies of the parent item's or queue's, kept for project-scoped indexes and queries. The
  // parent's own foreign key already cascades deletes, so a second check per row buys nothing.
  const copiedFromParent = (col: any) => col.notNull(); // eslint-disable-line @typescript-eslint/no-explicit-any -- as above
  const createdAt = (col: any) => col.notNull().defaultTo(sql`now()`); // eslint-disable-line @typescript-eslint/no-explicit-any -- as above

  await db.schema
    .createTable("outputs")
    .addColumn("id", "bigint", (col) => col.primaryKey().generatedAlwaysAsIdentity())
    .addColumn("project_id", "uuid", projectId)
    .addColumn("external_id", "text", (col) => col.notNull())
    .addColumn("trace_id", "text")
    .addColumn("model", "text")
    // Chat messages array or a JSON string, exactly as sent, so a release can reproduce the prompt.
    .addColumn("input", "jsonb", (col) => col.notNull())
    .addColumn("output", "jsonb", (col) => col.notNull())
    .addColumn("metadata", "jsonb", (col) => col.notNull().defaultTo(sql`'{}'::jsonb`))
    .addColumn("tags", sql`text[]`, (col) => col.notNull().defaultTo(sql`'{}'::text[]`))
    .addColumn("end_user_id", "text")
    .addColumn("consent", "boolean", (col) => col.notNull().defaultTo(true))
    .addColumn("content_hash", "text", (col) => col.notNull())
    .addColumn("produced_at", "timestamptz", (col) => col.notNull())
    .addColumn("created_at", "timestamptz", createdAt)
    .addUniqueConstraint("outputs_project_external_id_key", ["project_id", "external_id"])
    .execute();
  await db.schema.createIndex("outputs_project_produced_idx").on("outputs").columns(["project_id", "produced_at"]).execute();

  await db.schema
    .createTable("signals")
    .addColumn("id", "bigint", (col) => col.primaryKey().generatedAlwaysAsIdentity())
    .addColumn("project_id", "uuid", projectId)
    .addColumn("output_id", "bigint", (col) => col.notNull().references("outputs.id").onDelete("cascade"))
    .addColumn("kind", "text", (col) => col.notNull())
    .addColumn("value", "double precision")
    .addColumn("comment", "text")
    .addColumn("end_user_id", "text")
    .addColumn("idempotency_key", "text")
    .addColumn("occurred_at", "timestamptz", (col) => col.notNull())
    .addColumn("created_at", "timestamptz", createdAt)
    .addCheckConstraint("signals_kind_check", sql`kind in ('thumbs_up', 'thumbs_down', 'edit', 'copy', 'regenerate', 'score')`)
    .execute();
  await db.schema.createIndex("signals_project_output_idx").on("signals").columns(["project_id", "output_id"]).execute();
  // Lets a client retry a batch of signals without counting a thumbs-down twice.
  await sql`create unique index signals_project_idempotency_key on signals (project_id, idempotency_key) where idempotency_key is not null`.execute(db);

  await db.schema
    .createTable("queues")
    .addColumn("id", "uuid", (col) => col.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn("project_id", "uuid", projectId)
    .addColumn("name", "text", (col) => col.notNull())
    .addColumn("instructions", "text", (col) => col.notNull().defaultTo(""))
    .addColumn("label_schema", "jsonb", (col) => col.notNull())
    .addColumn("schema_version", "integer", (col) => col.notNull().defaultTo(1))
    .addColumn("overlap", "integer", (col) => col.notNull())
    .addColumn("lease_seconds", "integer", (col) => col.notNull())
    .addColumn("mode", "text", (col) => col.notNull())
    .addColumn("sampling_rule", "jsonb", (col) => col.notNull())
    .addColumn("majority_threshold", "double precision", (col) => col.notNull())
    .addColumn("created_by", "uuid", (col) => col.references("users.id").onDelete("set null"))
    .addColumn("created_at", "timestamptz", createdAt)
    .addColumn("updated_at", "timestamptz", createdAt)
    .addColumn("archived_at", "timestamptz")
    .addCheckConstraint("queues_overlap_check", sql`overlap between 1 and 5`)
    .addCheckConstraint("queues_lease_seconds_check", sql`lease_seconds between 30 and 86400`)
    .addCheckConstraint("queues_mode_check", sql`mode in ('blind', 'collaborative')`)
    .addCheckConstraint("queues_majority_threshold_check", sql`majority_threshold > 0.5 and majority_threshold <= 1`)
    .addUniqueConstraint("queues_id_project_key", ["id", "project_id"])
    .execute();
  await db.schema.createIndex("queues_project_id_idx").on("queues").columns(["project_id", "created_at"]).execute();

  await db.schema
    .createTable("queue_items")
    .addColumn("id", "bigint", (col) => col.primaryKey().generatedAlwaysAsIdentity())
    .addColumn("project_id", "uuid", copiedFromParent)
    .addColumn("queue_id", "uuid", (col) => col.notNull())
    .addColumn("output_id", "bigint", (col) => col.notNull().references("outputs.id").onDelete("cascade"))
    .addColumn("content_hash", "text", (col) => col.notNull())
    .addColumn("inclusion_probability", "double precision", (col) => col.notNull())
    .addColumn("priority", "integer", (col) => col.notNull().defaultTo(0))
    .addColumn("is_holdout", "boolean", (col) => col.notNull().defaultTo(false))
    .addColumn("state", "text", (col) => col.notNull().defaultTo("pending"))
    // Active plus submitted assignments. The claim statement checks and bumps it on the locked row, so
    // Postgres re-checks it after a concurrent claim commits: this is what stops over-assignment.
    .addColumn("assigned_count", "integer", (col) => col.notNull().defaultTo(0))
    .addColumn("submitted_count", "integer", (col) => col.notNull().defaultTo(0))
    .addColumn("skipped_count", "integer", (col) => col.notNull().defaultTo(0))
    .addColumn("conflict_reasons", sql`text[]`, (col) => col.notNull().defaultTo(sql`'{}'::text[]`))
    .addColumn("created_at", "timestamptz", createdAt)
    .addColumn("resolved_at", "timestamptz")
    .addCheckConstraint("queue_items_probability_check", sql`inclusion_probability > 0 and inclusion_probability <= 1`)
    .addCheckConstraint(
      "queue_items_state_check",
      sql`state in ('pending', 'in_review', 'needs_resolution', 'conflict', 'resolved', 'skipped_out')`,
    )
    .addCheckConstraint("queue_items_counts_check", sql`assigned_count >= 0 and submitted_count >= 0 and submitted_count <= assigned_count`)
    .addUniqueConstraint("queue_items_queue_output_key", ["queue_id", "output_id"])
    // One check covers both the queue and the project: an item can never sit in another tenant's queue.
    .addForeignKeyConstraint("queue_items_queue_fkey", ["queue_id", "project_id"], "queues", ["id", "project_id"], (fk) => fk.onDelete("cascade"))
    .execute();
  // Dedupe inside a queue: one item per distinct content.
  await db.schema.createIndex("queue_items_queue_content_key").unique().on("queue_items").columns(["queue_id", "content_hash"]).execute();
  // The claim scans open items of one queue in priority order.
  await sql`create index queue_items_claimable_idx on queue_items (queue_id, priority desc, id) where state in ('pending', 'in_review')`.execute(db);
  await db.schema.createIndex("queue_items_project_state_idx").on("queue_items").columns(["project_id", "queue_id", "state"]).execute();

  await db.schema
    .createTable("assignments")
    .addColumn("id", "bigint", (col) => col.primaryKey().generatedAlwaysAsIdentity())
    .addColumn("project_id", "uuid", copiedFromParent)
    .addColumn("queue_id", "uuid", copiedFromParent)
    .addColumn("queue_item_id", "bigint", (col) => col.notNull().references("queue_items.id").onDelete("cascade"))
    .addColumn("annotator_id", "uuid", (col) => col.notNull().references("users.id").onDelete("cascade"))
    .addColumn("state", "text", (col) => col.notNull().defaultTo("active"))
    .addColumn("lease_expires_at", "timestamptz", (col) => col.notNull())
    .addColumn("heartbeat_at", "timestamptz", createdAt)
    .addColumn("submitted_at", "timestamptz")
    .addColumn("skip_reason", "text")
    .addColumn("created_at", "timestamptz", createdAt)
    .addCheckConstraint("assignments_state_check", sql`state in ('active', 'submitted', 'skipped', 'expired')`)
    // The backstop for "never the same annotator twice".
    .addUniqueConstraint("assignments_item_annotator_key", ["queue_item_id", "annotator_id"])
    .execute();
  await db.schema.createIndex("assignments_project_queue_annotator_idx").on("assignments").columns(["project_id", "queue_id", "annotator_id", "state"]).execute();
  await sql`create index assignments_active_lease_idx on assignments (lease_expires_at) where state = 'active'`.execute(db);

  await db.schema
    .createTable("annotations")
    .addColumn("id", "bigint", (col) => col.primaryKey().generatedAlwaysAsIdentity())
    .addColumn("project_id", "uuid", projectId)
    .addColumn("queue_item_id", "bigint", (col) => col.notNull().references("queue_items.id").onDelete("cascade"))
    .addColumn("assignment_id", "bigint", (col) => col.notNull().unique().references("assignments.id").onDelete("cascade"))
    .addColumn("annotator_id", "uuid", (col) => col.notNull().references("users.id").onDelete("cascade"))
    .addColumn("values", "jsonb", (col) => col.notNull())
    .addColumn("note", "text")
    .addColumn("correction", "text")
    .addColumn("schema_version", "integer", (col) => col.notNull())
    .addColumn("time_spent_ms", "integer")
    .addColumn("created_at", "timestamptz", createdAt)
    .execute();
  await db.schema.createIndex("annotations_project_item_idx").on("annotations").columns(["project_id", "queue_item_id"]).execute();

  await db.schema
    .createTable("gold_labels")
    .addColumn("id", "bigint", (col) => col.primaryKey().generatedAlwaysAsIdentity())
    .addColumn("project_id", "uuid", projectId)
    .addColumn("queue_id", "uuid", (col) => col.notNull().references("queues.id").onDelete("cascade"))
    .addColumn("queue_item_id", "bigint", (col) => col.notNull().references("queue_items.id").onDelete("cascade"))
    .addColumn("output_id", "bigint", (col) => col.notNull().references("outputs.id").onDelete("cascade"))
    .addColumn("values", "jsonb", (col) => col.notNull())
    .addColumn("correction", "text")
    .addColumn("method", "text", (col) => col.notNull())
    .addColumn("confidence", "double precision", (col) => col.notNull())
    .addColumn("provenance", "jsonb", (col) => col.notNull())
    .addColumn("resolved_by", "uuid", (col) => col.references("users.id").onDelete("set null"))
    .addColumn("supersedes", "bigint", (col) => col.references("gold_labels.id"))
    .addColumn("is_current", "boolean", (col) => col.notNull().defaultTo(true))
    .addColumn("created_at", "timestamptz", createdAt)
    .addCheckConstraint("gold_labels_method_check", sql`method in ('unanimous', 'majority', 'dawid_skene', 'adjudicated')`)
    .addCheckConstraint("gold_labels_confidence_check", sql`confidence >= 0 and confidence <= 1`)
    .execute();
  // Exactly one current gold per item: the second of two racing finalizers fails here.
  await sql`create unique index gold_labels_current_item_key on gold_labels (queue_item_id) where is_current`.execute(db);
  await db.schema.createIndex("gold_labels_project_queue_idx").on("gold_labels").columns(["project_id", "queue_id", "id"]).execute();

  await db.schema
    .createTable("datasets")
    .addColumn("id", "uuid", (col) => col.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn("project_id", "uuid", projectId)
    .addColumn("slug", "text", (col) => col.notNull())
    .addColumn("name", "text", (col) => col.notNull())
    .addColumn("description", "text", (col) => col.notNull().defaultTo(""))
    .addColumn("min_confidence", "double precision", (col) => col.notNull().defaultTo(0))
    .addColumn("created_by", "uuid", (col) => col.references("users.id").onDelete("set null"))
    .addColumn("created_at", "timestamptz", createdAt)
    .addUniqueConstraint("datasets_project_slug_key", ["project_id", "slug"])
    .addCheckConstraint("datasets_slug_format", sql`slug ~ '^[a-z0-9]([a-z0-9-]{0,62}[a-z0-9])?$'`)
    .execute();

  await db.schema
    .createTable("dataset_queues")
    .addColumn("project_id", "uuid", projectId)
    .addColumn("dataset_id", "uuid", (col) => col.notNull().references("datasets.id").onDelete("cascade"))
    .addColumn("queue_id", "uuid", (col) => col.notNull().references("queues.id").onDelete("cascade"))
    .addPrimaryKeyConstraint("dataset_queues_pkey", ["dataset_id", "queue_id"])
    .execute();
  await db.schema.createIndex("dataset_queues_project_idx").on("dataset_queues").columns(["project_id", "queue_id"]).execute();

  await db.schema
    .createTable("dataset_releases")
    .addColumn("id", "bigint", (col) => col.primaryKey().generatedAlwaysAsIdentity())
    .addColumn("project_id", "uuid", projectId)
    .addColumn("dataset_id", "uuid", (col) => col.notNull().references("datasets.id").onDelete("cascade"))
    .addColumn("number", "integer", (col) => col.notNull())
    .addColumn("row_count", "integer", (col) => col.notNull())
    .addColumn("changelog", "jsonb", (col) => col.notNull())
    .addColumn("notes", "text", (col) => col.notNull().defaultTo(""))
    .addColumn("published_by", "uuid", (col) => col.references("users.id").onDelete("set null"))
    .addColumn("published_at", "timestamptz", createdAt)
    .addUniqueConstraint("dataset_releases_dataset_number_key", ["dataset_id", "number"])
    .execute();
  await db.schema.createIndex("dataset_releases_project_idx").on("dataset_releases").columns(["project_id", "dataset_id"]).execute();

  await db.schema
    .createTable("release_rows")
    .addColumn("release_id", "bigint", (col) => col.notNull().references("dataset_releases.id").onDelete("cascade"))
    .addColumn("position", "integer", (col) => col.notNull())
    .addColumn("project_id", "uuid", projectId)
    .addColumn("gold_label_id", "bigint", (col) => col.notNull())
    .addColumn("output_id", "bigint", (col) => col.notNull())
    .addColumn("external_id", "text", (col) => col.notNull())
    .addColumn("input", "jsonb", (col) => col.notNull())
    .addColumn("original_output", "jsonb", (col) => col.notNull())
    .addColumn("label", "jsonb", (col) => col.notNull())
    .addColumn("correction", "text")
    .addColumn("method", "text", (col) => col.notNull())
    .addColumn("confidence", "double precision", (col) => col.notNull())
    .addPrimaryKeyConstraint("release_rows_pkey", ["release_id", "position"])
    .execute();
  await db.schema.createIndex("release_rows_project_idx").on("release_rows").columns(["project_id", "release_id"]).execute();

  // Releases are immutable: once published, their rows cannot be changed or removed from the app.
  await sql`
    create function release_rows_refuse_change() returns trigger language plpgsql as $$
    begin
      raise exception 'release rows are immutable';
    end $$
  `.execute(db);
  await sql`
    create trigger release_rows_immutable before update or delete on release_rows
    for each row when (pg_trigger_depth() = 0) execute function release_rows_refuse_change()
  `.execute(db);
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- see up()
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("release_rows").execute();
  await sql`drop function release_rows_refuse_change()`.execute(db);
  for (const table of ["dataset_releases", "dataset_queues", "datasets", "gold_labels", "annotations", "assignments", "queue_items", "queues", "signals", "outputs"]) {
    await db.schema.dropTable(table).execute();
  }
}
