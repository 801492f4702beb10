import { sql, type Kysely } from "kysely";

/**
 * Privacy by default:
 * - `privacy_settings`: a project's redaction rules. It stores the built-in rules turned OFF, so every rule
 *   (and any rule added later) is on for a project that never changed a thing;
 * - `release_rows.erased_at`: a frozen row whose output was erased keeps its identity (release, position,
 *   output, gold label, external id) and loses its content. That update is the one documented exception to
 *   release immutability: the trigger allows it only inside an erasure (a transaction-local setting) and
 *   only towards the tombstone shape, never back, and never any other change;
 * - `dataset_releases.erased_rows`: how many of a release's rows became tombstones, so a pull's ETag changes
 *   when its bytes do and a client holding the old file downloads the tombstones.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations run against the schema as it was, not as db/types.ts says it is now
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("privacy_settings")
    .addColumn("project_id", "uuid", (col) => col.primaryKey().references("projects.id").onDelete("cascade"))
    .addColumn("disabled_rules", sql`text[]`, (col) => col.notNull().defaultTo(sql`'{}'::text[]`))
    // [{ name, pattern, caseInsensitive }], each checked on save (compiles, linear, never matches empty text).
    .addColumn("custom_rules", "jsonb", (col) => col.notNull().defaultTo(sql`'[]'::jsonb`))
    .addColumn("metadata_keys", sql`text[]`, (col) => col.notNull().defaultTo(sql`'{*}'::text[]`))
    .addColumn("phone_region", "text", (col) => col.defaultTo("US").check(sql`phone_region ~ '^[A-Z]{2}$'`))
    .addColumn("updated_by", "uuid", (col) => col.references("users.id").onDelete("set null"))
    .addColumn("updated_at", "timestamptz", (col) => col.notNull().defaultTo(sql`now()`))
    .addCheckConstraint("privacy_settings_disabled_rules_check", sql`disabled_rules <@ array['email', 'phone', 'card', 'iban', 'secret', 'ip']::text[]`)
    .execute();

  await db.schema.alterTable("release_rows").addColumn("erased_at", "timestamptz").execute();
  await db.schema.alterTable("dataset_releases").addColumn("erased_rows", "integer", (col) => col.notNull().defaultTo(0)).execute();
  await sql`
    create or replace function release_rows_refuse_change() returns trigger language plpgsql as $$
    begin
      if tg_op = 'UPDATE' and current_setting('goldloop.erasing_end_user', true) = 'on'
        and old.erased_at is null and new.erased_at is not null
        and new.release_id = old.release_id and new.position = old.position and new.project_id = old.project_id
        and new.output_id = old.output_id and new.gold_label_id = old.gold_label_id and new.external_id = old.external_id
        and new.split = old.split and new.queue_id is not distinct from old.queue_id
        and new.input = 'null'::jsonb and new.original_output = 'null'::jsonb and new.label = '{}'::jsonb and new.correction is null
        and new.lineage ? 'erased_at'
      then
        return new;
      end if;
      raise exception 'release rows are immutable';
    end $$
  `.execute(db);
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- see up()
export async function down(db: Kysely<any>): Promise<void> {
  await sql`
    create or replace function release_rows_refuse_change() returns trigger language plpgsql as $$
    begin
      raise exception 'release rows are immutable';
    end $$
  `.execute(db);
  await db.schema.alterTable("dataset_releases").dropColumn("erased_rows").execute();
  await db.schema.alterTable("release_rows").dropColumn("erased_at").execute();
  await db.schema.dropTable("privacy_settings").execute();
}
