import { sql, type Kysely } from "kysely";

/**
 * Truth inference and annotator quality:
 * - a queue's consensus method (majority or Dawid–Skene posterior), adaptive overlap (k up to K), its
 *   gold-check rate, quality gate and per-annotator daily cap;
 * - extra seats an item asked for after a disagreement;
 * - gold items (known answers) and which assignments and answers were gold checks;
 * - Dawid–Skene fits per queue and field, each annotator's confusion matrix and reliability;
 * - gold that a refit would change, flagged for a lead;
 * - annotators paused on a queue by its quality gate.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations run against the schema as it was, not as db/types.ts says it is now
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable("queues")
    .addColumn("consensus_method", "text", (col) => col.notNull().defaultTo("majority"))
    .addColumn("min_posterior", "double precision", (col) => col.notNull().defaultTo(0.9))
    // K: with it, `overlap` is the minimum k and a disagreement asks for one more annotator, up to K.
    .addColumn("max_overlap", "integer")
    .addColumn("gold_item_rate", "double precision", (col) => col.notNull().defaultTo(0))
    // The gate: an annotator whose gold accuracy is below this after gate_min_gold_items checks is paused.
    .addColumn("gate_min_accuracy", "double precision")
    .addColumn("gate_min_gold_items", "integer", (col) => col.notNull().defaultTo(10))
    .addColumn("daily_cap", "integer")
    .execute();
  await sql`
    alter table queues
      add constraint queues_consensus_method_check check (consensus_method in ('majority', 'dawid_skene')),
      add constraint queues_min_posterior_check check (min_posterior >= 0.5 and min_posterior <= 1),
      add constraint queues_max_overlap_check check (max_overlap is null or (max_overlap >= overlap and max_overlap <= 9)),
      add constraint queues_gold_item_rate_check check (gold_item_rate >= 0 and gold_item_rate <= 0.5),
      add constraint queues_gate_min_accuracy_check check (gate_min_accuracy is null or (gate_min_accuracy >= 0 and gate_min_accuracy <= 1)),
      add constraint queues_gate_min_gold_items_check check (gate_min_gold_items >= 1),
      add constraint queues_daily_cap_check check (daily_cap is null or daily_cap >= 1)
  `.execute(db);

  // Seats granted beyond the queue's k after a disagreement (adaptive overlap); an item has k + extra_seats.
  await db.schema.alterTable("queue_items").addColumn("extra_seats", "integer", (col) => col.notNull().defaultTo(0)).execute();
  await sql`alter table queue_items add constraint queue_items_extra_seats_check check (extra_seats >= 0)`.execute(db);

  // A gold check is served like any item; the flag never leaves the server.
  await db.schema.alterTable("assignments").addColumn("is_gold_check", "boolean", (col) => col.notNull().defaultTo(false)).execute();
  // Null for production answers; for a gold check, whether it matched the known answer when it was given.
  await db.schema.alterTable("annotations").addColumn("gold_check_correct", "boolean").execute();

  await db.schema
    .createTable("gold_items")
    .addColumn("id", "bigint", (col) => col.primaryKey().generatedAlwaysAsIdentity())
    .addColumn("project_id", "uuid", (col) => col.notNull().references("projects.id").onDelete("cascade"))
    .addColumn("queue_id", "uuid", (col) => col.notNull().references("queues.id").onDelete("cascade"))
    .addColumn("queue_item_id", "bigint", (col) => col.notNull().references("queue_items.id").onDelete("cascade"))
    // {fieldKey: optionValue}: the known answer, frozen when the item was marked.
    .addColumn("expected_values", "jsonb", (col) => col.notNull())
    .addColumn("source", "text", (col) => col.notNull())
    .addColumn("created_by", "uuid", (col) => col.references("users.id").onDelete("set null"))
    .addColumn("created_at", "timestamptz", (col) => col.notNull().defaultTo(sql`now()`))
    .addColumn("retired_at", "timestamptz")
    .addCheckConstraint("gold_items_source_check", sql`source in ('gold', 'csv')`)
    .execute();
  await sql`create unique index gold_items_active_item_key on gold_items (queue_item_id) where retired_at is null`.execute(db);
  await db.schema.createIndex("gold_items_project_queue_idx").on("gold_items").columns(["project_id", "queue_id"]).execute();

  await db.schema
    .createTable("quality_fits")
    .addColumn("id", "bigint", (col) => col.primaryKey().generatedAlwaysAsIdentity())
    .addColumn("project_id", "uuid", (col) => col.notNull().references("projects.id").onDelete("cascade"))
    .addColumn("queue_id", "uuid", (col) => col.notNull().references("queues.id").onDelete("cascade"))
    .addColumn("field_key", "text", (col) => col.notNull())
    // dawid_skene: a confusion matrix per annotator; one_coin: one accuracy each, when data is thin.
    .addColumn("method", "text", (col) => col.notNull())
    // Option values in the order of the matrices' rows and columns, and P(true value) in that order.
    .addColumn("classes", "jsonb", (col) => col.notNull())
    .addColumn("class_priors", "jsonb", (col) => col.notNull())
    .addColumn("iterations", "integer", (col) => col.notNull())
    .addColumn("is_converged", "boolean", (col) => col.notNull())
    .addColumn("log_likelihood", "double precision", (col) => col.notNull())
    .addColumn("label_count", "integer", (col) => col.notNull())
    .addColumn("item_count", "integer", (col) => col.notNull())
    .addColumn("annotator_count", "integer", (col) => col.notNull())
    .addColumn("clamped_item_count", "integer", (col) => col.notNull())
    .addColumn("read_ms", "integer", (col) => col.notNull())
    .addColumn("fit_ms", "integer", (col) => col.notNull())
    .addColumn("write_ms", "integer", (col) => col.notNull())
    .addColumn("requested_by", "uuid", (col) => col.references("users.id").onDelete("set null"))
    .addColumn("fitted_at", "timestamptz", (col) => col.notNull().defaultTo(sql`now()`))
    .addCheckConstraint("quality_fits_method_check", sql`method in ('dawid_skene', 'one_coin')`)
    .execute();
  await db.schema.createIndex("quality_fits_queue_field_idx").on("quality_fits").columns(["queue_id", "field_key", "id"]).execute();

  await db.schema
    .createTable("annotator_stats")
    .addColumn("project_id", "uuid", (col) => col.notNull().references("projects.id").onDelete("cascade"))
    .addColumn("queue_id", "uuid", (col) => col.notNull().references("queues.id").onDelete("cascade"))
    .addColumn("field_key", "text", (col) => col.notNull())
    .addColumn("annotator_id", "uuid", (col) => col.notNull().references("users.id").onDelete("cascade"))
    .addColumn("fit_id", "bigint", (col) => col.notNull().references("quality_fits.id").onDelete("cascade"))
    // confusion[t][g] = P(answers classes[g] | true value classes[t]), rows in quality_fits.classes order.
    .addColumn("confusion", "jsonb", (col) => col.notNull())
    // P(answer is right) under the fit's class priors: Σ_t prior_t · confusion[t][t].
    .addColumn("reliability", "double precision", (col) => col.notNull())
    .addColumn("label_count", "integer", (col) => col.notNull())
    .addColumn("fitted_at", "timestamptz", (col) => col.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint("annotator_stats_pkey", ["queue_id", "field_key", "annotator_id"])
    .execute();
  await db.schema.createIndex("annotator_stats_project_annotator_idx").on("annotator_stats").columns(["project_id", "annotator_id"]).execute();

  await db.schema
    .createTable("gold_refit_flags")
    .addColumn("id", "bigint", (col) => col.primaryKey().generatedAlwaysAsIdentity())
    .addColumn("project_id", "uuid", (col) => col.notNull().references("projects.id").onDelete("cascade"))
    .addColumn("queue_id", "uuid", (col) => col.notNull().references("queues.id").onDelete("cascade"))
    .addColumn("queue_item_id", "bigint", (col) => col.notNull().references("queue_items.id").onDelete("cascade"))
    .addColumn("gold_label_id", "bigint", (col) => col.notNull().references("gold_labels.id").onDelete("cascade"))
    .addColumn("fit_id", "bigint", (col) => col.notNull().references("quality_fits.id").onDelete("cascade"))
    .addColumn("field_key", "text", (col) => col.notNull())
    .addColumn("current_value", "text", (col) => col.notNull())
    .addColumn("suggested_value", "text", (col) => col.notNull())
    .addColumn("posterior", "double precision", (col) => col.notNull())
    .addColumn("created_at", "timestamptz", (col) => col.notNull().defaultTo(sql`now()`))
    .addColumn("closed_at", "timestamptz")
    .addColumn("closed_by", "uuid", (col) => col.references("users.id").onDelete("set null"))
    .addColumn("closing", "text")
    .addCheckConstraint("gold_refit_flags_closing_check", sql`closing is null or closing in ('reopened', 'dismissed', 'superseded')`)
    .execute();
  await sql`create unique index gold_refit_flags_open_gold_key on gold_refit_flags (gold_label_id, field_key) where closed_at is null`.execute(db);
  await db.schema.createIndex("gold_refit_flags_project_queue_idx").on("gold_refit_flags").columns(["project_id", "queue_id"]).execute();

  await db.schema
    .createTable("annotator_pauses")
    .addColumn("id", "bigint", (col) => col.primaryKey().generatedAlwaysAsIdentity())
    .addColumn("project_id", "uuid", (col) => col.notNull().references("projects.id").onDelete("cascade"))
    .addColumn("queue_id", "uuid", (col) => col.notNull().references("queues.id").onDelete("cascade"))
    .addColumn("annotator_id", "uuid", (col) => col.notNull().references("users.id").onDelete("cascade"))
    .addColumn("reason", "text", (col) => col.notNull())
    .addColumn("gold_checks", "integer", (col) => col.notNull())
    .addColumn("gold_correct", "integer", (col) => col.notNull())
    .addColumn("paused_at", "timestamptz", (col) => col.notNull().defaultTo(sql`now()`))
    .addColumn("lifted_at", "timestamptz")
    .addColumn("lifted_by", "uuid", (col) => col.references("users.id").onDelete("set null"))
    .addColumn("lift_note", "text")
    .execute();
  await sql`create unique index annotator_pauses_active_key on annotator_pauses (queue_id, annotator_id) where lifted_at is null`.execute(db);
  await db.schema.createIndex("annotator_pauses_project_queue_idx").on("annotator_pauses").columns(["project_id", "queue_id"]).execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- see up()
export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ["annotator_pauses", "gold_refit_flags", "annotator_stats", "quality_fits", "gold_items"]) await db.schema.dropTable(table).execute();
  await db.schema.alterTable("annotations").dropColumn("gold_check_correct").execute();
  await db.schema.alterTable("assignments").dropColumn("is_gold_check").execute();
  await db.schema.alterTable("queue_items").dropColumn("extra_seats").execute();
  await db.schema
    .alterTable("queues")
    .dropColumn("consensus_method")
    .dropColumn("min_posterior")
    .dropColumn("max_overlap")
    .dropColumn("gold_item_rate")
    .dropColumn("gate_min_accuracy")
    .dropColumn("gate_min_gold_items")
    .dropColumn("daily_cap")
    .execute();
}
