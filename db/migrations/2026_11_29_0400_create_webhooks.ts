import { sql, type Kysely } from "kysely";

/**
 * Webhooks on the Standard Webhooks spec:
 * - endpoints a project subscribes (URL, events, secret, and the previous secret while a rotation overlaps);
 * - events, written in the transaction of the change that raised them (the transactional outbox);
 * - deliveries, one per event and endpoint, which are also the durable queue a dispatcher hands to pg-boss;
 * - attempts, every HTTP try of a delivery with its status, latency and response excerpt.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations run against the schema as it was, not as db/types.ts says it is now
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("webhook_endpoints")
    .addColumn("id", "uuid", (col) => col.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn("project_id", "uuid", (col) => col.notNull().references("projects.id").onDelete("cascade"))
    .addColumn("url", "text", (col) => col.notNull())
    .addColumn("description", "text", (col) => col.notNull().defaultTo(""))
    // text[] with a CHECK rather than an enum array: pg returns arrays of custom enums as unparsed strings.
    .addColumn("event_types", sql`text[]`, (col) => col.notNull())
    .addColumn("is_enabled", "boolean", (col) => col.notNull().defaultTo(true))
    .addColumn("secret", "text", (col) => col.notNull())
    .addColumn("previous_secret", "text")
    .addColumn("previous_secret_expires_at", "timestamptz")
    // Failure tracking for auto-disable: since when every attempt has failed, and how many in a row.
    .addColumn("failing_since", "timestamptz")
    .addColumn("consecutive_failures", "integer", (col) => col.notNull().defaultTo(0))
    .addColumn("disabled_at", "timestamptz")
    .addColumn("disabled_reason", "text")
    // Off because Goldloop gave up on it (the banner says so), not because a member turned it off.
    .addColumn("is_auto_disabled", "boolean", (col) => col.notNull().defaultTo(false))
    .addColumn("created_by", "uuid", (col) => col.references("users.id").onDelete("set null"))
    .addColumn("created_at", "timestamptz", (col) => col.notNull().defaultTo(sql`now()`))
    .addColumn("updated_at", "timestamptz", (col) => col.notNull().defaultTo(sql`now()`))
    .addCheckConstraint(
      "webhook_endpoints_event_types_check",
      sql`cardinality(event_types) > 0 and event_types <@ array['release.published', 'gold.created', 'gold.revised', 'conflict.opened', 'annotation.submitted', 'webhook.test', 'alert.raised', 'alert.resolved']::text[]`,
    )
    .addCheckConstraint("webhook_endpoints_previous_secret_check", sql`(previous_secret is null) = (previous_secret_expires_at is null)`)
    .addCheckConstraint("webhook_endpoints_auto_disabled_check", sql`not (is_auto_disabled and is_enabled)`)
    .execute();
  await db.schema.createIndex("webhook_endpoints_project_id_idx").on("webhook_endpoints").columns(["project_id", "created_at"]).execute();

  await db.schema
    .createTable("webhook_events")
    .addColumn("id", "uuid", (col) => col.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn("project_id", "uuid", (col) => col.notNull().references("projects.id").onDelete("cascade"))
    .addColumn("type", "text", (col) => col.notNull())
    // The whole body as sent: {type, timestamp, data}. Every retry and replay sends these same bytes.
    .addColumn("payload", "text", (col) => col.notNull())
    .addColumn("created_at", "timestamptz", (col) => col.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema.createIndex("webhook_events_project_id_idx").on("webhook_events").columns(["project_id", "created_at"]).execute();

  await db.schema
    .createTable("webhook_deliveries")
    .addColumn("id", "uuid", (col) => col.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn("project_id", "uuid", (col) => col.notNull().references("projects.id").onDelete("cascade"))
    .addColumn("endpoint_id", "uuid", (col) => col.notNull().references("webhook_endpoints.id").onDelete("cascade"))
    .addColumn("event_id", "uuid", (col) => col.notNull().references("webhook_events.id").onDelete("cascade"))
    .addColumn("state", "text", (col) => col.notNull().defaultTo("pending"))
    .addColumn("attempt_count", "integer", (col) => col.notNull().defaultTo(0))
    .addColumn("next_attempt_at", "timestamptz", (col) => col.notNull().defaultTo(sql`now()`))
    // Set when the dispatcher hands the delivery to pg-boss; a delivery queued for long was lost and goes back to pending.
    .addColumn("queued_at", "timestamptz")
    .addColumn("last_status", "integer")
    .addColumn("last_error", "text")
    .addColumn("completed_at", "timestamptz")
    .addColumn("replay_of", "uuid", (col) => col.references("webhook_deliveries.id").onDelete("set null"))
    .addColumn("created_at", "timestamptz", (col) => col.notNull().defaultTo(sql`now()`))
    .addCheckConstraint("webhook_deliveries_state_check", sql`state in ('pending', 'queued', 'succeeded', 'failed')`)
    .execute();
  await db.schema.createIndex("webhook_deliveries_project_id_idx").on("webhook_deliveries").columns(["project_id", "endpoint_id", "created_at"]).execute();
  // The dispatcher's two scans: deliveries due now, and deliveries handed to pg-boss that never came back.
  await db.schema.createIndex("webhook_deliveries_due_idx").on("webhook_deliveries").column("next_attempt_at").where(sql.ref("state"), "=", "pending").execute();
  await db.schema.createIndex("webhook_deliveries_queued_idx").on("webhook_deliveries").column("queued_at").where(sql.ref("state"), "=", "queued").execute();

  await db.schema
    .createTable("webhook_attempts")
    .addColumn("id", "bigserial", (col) => col.primaryKey())
    .addColumn("project_id", "uuid", (col) => col.notNull().references("projects.id").onDelete("cascade"))
    .addColumn("delivery_id", "uuid", (col) => col.notNull().references("webhook_deliveries.id").onDelete("cascade"))
    .addColumn("attempt", "integer", (col) => col.notNull())
    .addColumn("url", "text", (col) => col.notNull())
    .addColumn("status_code", "integer")
    .addColumn("latency_ms", "integer", (col) => col.notNull())
    .addColumn("response_excerpt", "text")
    .addColumn("error", "text")
    .addColumn("is_success", "boolean", (col) => col.notNull())
    .addColumn("created_at", "timestamptz", (col) => col.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema.createIndex("webhook_attempts_project_id_idx").on("webhook_attempts").columns(["project_id", "delivery_id", "attempt"]).execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- see up()
export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ["webhook_attempts", "webhook_deliveries", "webhook_events", "webhook_endpoints"]) {
    await db.schema.dropTable(table).execute();
  }
}
