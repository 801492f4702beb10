import { sql, type Kysely } from "kysely";

/**
 * Watching the loop:
 * - suggestions ingested with an output, and what each assignment showed (a decoy swaps it);
 * - a queue's holdout slice, suggestion display, decoy rate and the label values that count as approval;
 * - per-project loop settings (metric windows, metadata keys watched for drift);
 * - the loop latency of each gold label;
 * - metric points (one value per metric, scope and window) and the watermark the metrics job resumes from;
 * - alert rules (built-in detectors and user thresholds) and alerts with their evidence.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations run against the schema as it was, not as db/types.ts says it is now
export async function up(db: Kysely<any>): Promise<void> {
  // {source, values: {fieldKey: optionValue}}: a model's or judge's proposed answer.
  await db.schema.alterTable("outputs").addColumn("suggestion", "jsonb").execute();

  await db.schema
    .alterTable("queues")
    .addColumn("holdout_fraction", "double precision", (col) => col.notNull().defaultTo(0))
    .addColumn("suggestion_display", "text", (col) => col.notNull().defaultTo("hidden"))
    .addColumn("decoy_rate", "double precision", (col) => col.notNull().defaultTo(0))
    // {fieldKey: [optionValue, …]}: the values that mean "acceptable", for approval saturation.
    .addColumn("approval_values", "jsonb", (col) => col.notNull().defaultTo(sql`'{}'::jsonb`))
    .execute();
  await sql`
    alter table queues
      add constraint queues_holdout_fraction_check check (holdout_fraction >= 0 and holdout_fraction <= 0.5),
      add constraint queues_suggestion_display_check check (suggestion_display in ('hidden', 'preselected')),
      add constraint queues_decoy_rate_check check (decoy_rate >= 0 and decoy_rate <= 0.5)
  `.execute(db);

  // What the annotator was shown, decided at claim time. The decoy flag stays on the server.
  await db.schema
    .alterTable("assignments")
    .addColumn("shown_suggestion", "jsonb")
    .addColumn("is_decoy", "boolean", (col) => col.notNull().defaultTo(false))
    .execute();
  await db.schema
    .alterTable("annotations")
    .addColumn("shown_suggestion", "jsonb")
    .addColumn("was_decoy", "boolean", (col) => col.notNull().defaultTo(false))
    // A decoy answer measures the annotator and never votes: gold is resolved from the others.
    .addColumn("counts_toward_gold", "boolean", (col) => col.notNull().defaultTo(true))
    .execute();

  // {granularities: ["hour","day"], driftMetadataKeys: [...], referenceWindows: n}
  await db.schema.alterTable("projects").addColumn("loop_settings", "jsonb", (col) => col.notNull().defaultTo(sql`'{}'::jsonb`)).execute();

  // The stages of loop latency; pullable is when the gold is visible to the gold feed (its commit).
  await db.schema
    .alterTable("gold_labels")
    .addColumn("ingested_at", "timestamptz")
    .addColumn("queued_at", "timestamptz")
    .addColumn("first_claimed_at", "timestamptz")
    .addColumn("pullable_at", "timestamptz")
    .execute();

  await db.schema
    .createTable("metric_points")
    .addColumn("id", "bigint", (col) => col.primaryKey().generatedAlwaysAsIdentity())
    .addColumn("project_id", "uuid", (col) => col.notNull().references("projects.id").onDelete("cascade"))
    .addColumn("queue_id", "uuid", (col) => col.references("queues.id").onDelete("cascade"))
    // An annotator id, a feature name ("model", "tag", "meta:locale"), or '' for the whole scope.
    .addColumn("subject", "text", (col) => col.notNull().defaultTo(""))
    .addColumn("metric", "text", (col) => col.notNull())
    .addColumn("granularity", "text", (col) => col.notNull())
    .addColumn("window_start", "timestamptz", (col) => col.notNull())
    .addColumn("sample_size", "integer", (col) => col.notNull())
    .addColumn("value", "double precision")
    // What a detector's null model needs: counts by label, a histogram, a bootstrap interval.
    .addColumn("detail", "jsonb", (col) => col.notNull().defaultTo(sql`'{}'::jsonb`))
    .addColumn("computed_at", "timestamptz", (col) => col.notNull().defaultTo(sql`now()`))
    .addCheckConstraint("metric_points_granularity_check", sql`granularity in ('hour', 'day')`)
    .addCheckConstraint("metric_points_sample_size_check", sql`sample_size >= 0`)
    .execute();
  await sql`
    create unique index metric_points_window_key on metric_points
      (project_id, metric, granularity, coalesce(queue_id, '00000000-0000-0000-0000-000000000000'::uuid), subject, window_start)
  `.execute(db);

  // Rows of each source table already folded into metric points: the job recomputes only the windows that
  // rows above the watermark fall in, whatever timestamps they carry.
  await db.schema
    .createTable("metric_watermarks")
    .addColumn("project_id", "uuid", (col) => col.notNull().references("projects.id").onDelete("cascade"))
    .addColumn("source", "text", (col) => col.notNull())
    .addColumn("last_id", "bigint", (col) => col.notNull())
    .addColumn("updated_at", "timestamptz", (col) => col.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint("metric_watermarks_pkey", ["project_id", "source"])
    .execute();

  await db.schema
    .createTable("alert_rules")
    .addColumn("id", "uuid", (col) => col.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn("project_id", "uuid", (col) => col.notNull().references("projects.id").onDelete("cascade"))
    .addColumn("queue_id", "uuid", (col) => col.references("queues.id").onDelete("cascade"))
    .addColumn("name", "text", (col) => col.notNull())
    .addColumn("metric", "text", (col) => col.notNull())
    .addColumn("comparator", "text", (col) => col.notNull())
    .addColumn("threshold", "double precision", (col) => col.notNull())
    .addColumn("granularity", "text", (col) => col.notNull().defaultTo("day"))
    .addColumn("sustained_windows", "integer", (col) => col.notNull().defaultTo(1))
    .addColumn("clear_windows", "integer", (col) => col.notNull().defaultTo(3))
    .addColumn("severity", "text", (col) => col.notNull().defaultTo("warning"))
    .addColumn("is_enabled", "boolean", (col) => col.notNull().defaultTo(true))
    .addColumn("created_by", "uuid", (col) => col.references("users.id").onDelete("set null"))
    .addColumn("created_at", "timestamptz", (col) => col.notNull().defaultTo(sql`now()`))
    .addColumn("updated_at", "timestamptz", (col) => col.notNull().defaultTo(sql`now()`))
    .addCheckConstraint("alert_rules_comparator_check", sql`comparator in ('>', '>=', '<', '<=')`)
    .addCheckConstraint("alert_rules_granularity_check", sql`granularity in ('hour', 'day')`)
    .addCheckConstraint("alert_rules_windows_check", sql`sustained_windows between 1 and 90 and clear_windows between 1 and 90`)
    .addCheckConstraint("alert_rules_severity_check", sql`severity in ('info', 'warning', 'critical')`)
    .execute();
  await db.schema.createIndex("alert_rules_project_idx").on("alert_rules").columns(["project_id", "created_at"]).execute();

  // Built-in detectors are on unless a project turns one off here.
  await db.schema
    .createTable("detector_settings")
    .addColumn("project_id", "uuid", (col) => col.notNull().references("projects.id").onDelete("cascade"))
    .addColumn("detector", "text", (col) => col.notNull())
    .addColumn("is_enabled", "boolean", (col) => col.notNull().defaultTo(true))
    .addColumn("updated_at", "timestamptz", (col) => col.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint("detector_settings_pkey", ["project_id", "detector"])
    .execute();

  await db.schema
    .createTable("alerts")
    .addColumn("id", "uuid", (col) => col.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn("project_id", "uuid", (col) => col.notNull().references("projects.id").onDelete("cascade"))
    .addColumn("queue_id", "uuid", (col) => col.references("queues.id").onDelete("cascade"))
    // A built-in detector id, or "rule" for a user threshold rule.
    .addColumn("detector", "text", (col) => col.notNull())
    .addColumn("rule_id", "uuid", (col) => col.references("alert_rules.id").onDelete("cascade"))
    // Deduplication key within the detector: queue, annotator or feature.
    .addColumn("scope_key", "text", (col) => col.notNull())
    .addColumn("granularity", "text", (col) => col.notNull())
    .addColumn("severity", "text", (col) => col.notNull())
    .addColumn("state", "text", (col) => col.notNull().defaultTo("open"))
    .addColumn("title", "text", (col) => col.notNull())
    .addColumn("evidence", "jsonb", (col) => col.notNull())
    .addColumn("first_window", "timestamptz", (col) => col.notNull())
    .addColumn("last_firing_window", "timestamptz", (col) => col.notNull())
    .addColumn("clear_streak", "integer", (col) => col.notNull().defaultTo(0))
    .addColumn("opened_at", "timestamptz", (col) => col.notNull().defaultTo(sql`now()`))
    .addColumn("acknowledged_at", "timestamptz")
    .addColumn("acknowledged_by", "uuid", (col) => col.references("users.id").onDelete("set null"))
    .addColumn("snoozed_until", "timestamptz")
    .addColumn("resolved_at", "timestamptz")
    .addColumn("resolved_reason", "text")
    .addCheckConstraint("alerts_state_check", sql`state in ('open', 'acknowledged', 'resolved')`)
    .addCheckConstraint("alerts_severity_check", sql`severity in ('info', 'warning', 'critical')`)
    .addCheckConstraint("alerts_granularity_check", sql`granularity in ('hour', 'day')`)
    .execute();
  // Deduplication: one live alert per detector and scope.
  await sql`create unique index alerts_live_scope_key on alerts (project_id, detector, granularity, scope_key) where state <> 'resolved'`.execute(db);
  await db.schema.createIndex("alerts_project_state_idx").on("alerts").columns(["project_id", "state", "opened_at"]).execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- see up()
export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ["alerts", "detector_settings", "alert_rules", "metric_watermarks", "metric_points"]) await db.schema.dropTable(table).execute();
  await db.schema.alterTable("gold_labels").dropColumn("ingested_at").dropColumn("queued_at").dropColumn("first_claimed_at").dropColumn("pullable_at").execute();
  await db.schema.alterTable("projects").dropColumn("loop_settings").execute();
  await db.schema.alterTable("annotations").dropColumn("shown_suggestion").dropColumn("was_decoy").dropColumn("counts_toward_gold").execute();
  await db.schema.alterTable("assignments").dropColumn("shown_suggestion").dropColumn("is_decoy").execute();
  await db.schema
    .alterTable("queues")
    .dropColumn("holdout_fraction")
    .dropColumn("suggestion_display")
    .dropColumn("decoy_rate")
    .dropColumn("approval_values")
    .execute();
  await db.schema.alterTable("outputs").dropColumn("suggestion").execute();
}
