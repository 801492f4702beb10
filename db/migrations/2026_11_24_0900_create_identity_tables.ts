import { sql, type Kysely } from "kysely";

// Migrations take Kysely<any> and never import app code: they must keep working as the app's types move on.
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations run against the schema as it was, not as db/types.ts says it is now
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.createType("project_role").asEnum(["annotator", "lead", "ml", "admin"]).execute();

  await db.schema
    .createTable("users")
    .addColumn("id", "uuid", (col) => col.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn("email", "text", (col) => col.notNull())
    .addColumn("name", "text", (col) => col.notNull())
    .addColumn("password_hash", "text")
    .addColumn("is_instance_admin", "boolean", (col) => col.notNull().defaultTo(false))
    .addColumn("disabled_at", "timestamptz")
    .addColumn("created_at", "timestamptz", (col) => col.notNull().defaultTo(sql`now()`))
    .addColumn("updated_at", "timestamptz", (col) => col.notNull().defaultTo(sql`now()`))
    .execute();
  // Emails compare case-insensitively: "Ana@x.io" and "ana@x.io" are one person.
  await sql`create unique index users_email_lower_key on users (lower(email))`.execute(db);

  await db.schema
    .createTable("accounts")
    .addColumn("id", "uuid", (col) => col.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn("user_id", "uuid", (col) => col.notNull().references("users.id").onDelete("cascade"))
    .addColumn("provider", "text", (col) => col.notNull())
    .addColumn("provider_account_id", "text", (col) => col.notNull())
    .addColumn("created_at", "timestamptz", (col) => col.notNull().defaultTo(sql`now()`))
    .addUniqueConstraint("accounts_provider_account_key", ["provider", "provider_account_id"])
    .execute();
  await db.schema.createIndex("accounts_user_id_idx").on("accounts").column("user_id").execute();

  await db.schema
    .createTable("projects")
    .addColumn("id", "uuid", (col) => col.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn("slug", "text", (col) => col.notNull().unique())
    .addColumn("name", "text", (col) => col.notNull())
    .addColumn("created_by", "uuid", (col) => col.references("users.id").onDelete("set null"))
    .addColumn("created_at", "timestamptz", (col) => col.notNull().defaultTo(sql`now()`))
    .addCheckConstraint("projects_slug_format", sql`slug ~ '^[a-z0-9]([a-z0-9-]{0,46}[a-z0-9])?$'`)
    .execute();

  await db.schema
    .createTable("memberships")
    .addColumn("project_id", "uuid", (col) => col.notNull().references("projects.id").onDelete("cascade"))
    .addColumn("user_id", "uuid", (col) => col.notNull().references("users.id").onDelete("cascade"))
    .addColumn("role", sql`project_role`, (col) => col.notNull())
    .addColumn("created_at", "timestamptz", (col) => col.notNull().defaultTo(sql`now()`))
    .addColumn("updated_at", "timestamptz", (col) => col.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint("memberships_pkey", ["project_id", "user_id"])
    .execute();
  await db.schema.createIndex("memberships_user_id_idx").on("memberships").column("user_id").execute();

  await db.schema
    .createTable("invites")
    .addColumn("id", "uuid", (col) => col.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn("project_id", "uuid", (col) => col.notNull().references("projects.id").onDelete("cascade"))
    .addColumn("role", sql`project_role`, (col) => col.notNull())
    .addColumn("token_hash", "text", (col) => col.notNull().unique())
    .addColumn("note", "text")
    .addColumn("created_by", "uuid", (col) => col.references("users.id").onDelete("set null"))
    .addColumn("created_at", "timestamptz", (col) => col.notNull().defaultTo(sql`now()`))
    .addColumn("expires_at", "timestamptz", (col) => col.notNull())
    .addColumn("accepted_at", "timestamptz")
    .addColumn("accepted_by", "uuid", (col) => col.references("users.id").onDelete("set null"))
    .addColumn("revoked_at", "timestamptz")
    .execute();
  await db.schema.createIndex("invites_project_id_idx").on("invites").columns(["project_id", "created_at"]).execute();

  await db.schema
    .createTable("api_keys")
    .addColumn("id", "uuid", (col) => col.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn("project_id", "uuid", (col) => col.notNull().references("projects.id").onDelete("cascade"))
    .addColumn("name", "text", (col) => col.notNull())
    .addColumn("prefix", "text", (col) => col.notNull().unique())
    .addColumn("secret_hash", "text", (col) => col.notNull())
    // text[] with a CHECK rather than an enum array: pg returns arrays of custom enums as unparsed strings.
    .addColumn("scopes", sql`text[]`, (col) => col.notNull())
    .addColumn("created_by", "uuid", (col) => col.references("users.id").onDelete("set null"))
    .addColumn("created_at", "timestamptz", (col) => col.notNull().defaultTo(sql`now()`))
    .addColumn("last_used_at", "timestamptz")
    .addColumn("revoked_at", "timestamptz")
    .addCheckConstraint(
      "api_keys_scopes_check",
      sql`cardinality(scopes) > 0 and scopes <@ array['ingest', 'datasets:read', 'admin']::text[]`,
    )
    .execute();
  await db.schema.createIndex("api_keys_project_id_idx").on("api_keys").columns(["project_id", "created_at"]).execute();

  await db.schema
    .createTable("setup_tokens")
    .addColumn("token_hash", "text", (col) => col.primaryKey())
    .addColumn("created_at", "timestamptz", (col) => col.notNull().defaultTo(sql`now()`))
    .addColumn("expires_at", "timestamptz", (col) => col.notNull())
    .addColumn("used_at", "timestamptz")
    .execute();

  await db.schema
    .createTable("audit_log")
    .addColumn("id", "bigserial", (col) => col.primaryKey())
    .addColumn("project_id", "uuid", (col) => col.references("projects.id").onDelete("cascade"))
    .addColumn("actor_user_id", "uuid", (col) => col.references("users.id").onDelete("set null"))
    .addColumn("actor_api_key_id", "uuid", (col) => col.references("api_keys.id").onDelete("set null"))
    .addColumn("action", "text", (col) => col.notNull())
    .addColumn("target_type", "text", (col) => col.notNull())
    .addColumn("target_id", "text")
    .addColumn("data", "jsonb", (col) => col.notNull().defaultTo(sql`'{}'::jsonb`))
    .addColumn("created_at", "timestamptz", (col) => col.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema.createIndex("audit_log_project_id_idx").on("audit_log").columns(["project_id", "created_at"]).execute();
  // Append-only: the table refuses updates and deletes, so history cannot be rewritten from the app.
  await sql`
    create function audit_log_refuse_change() returns trigger language plpgsql as $$
    begin
      raise exception 'audit_log is append-only';
    end $$
  `.execute(db);
  await sql`
    create trigger audit_log_append_only before update or delete on audit_log
    for each row execute function audit_log_refuse_change()
  `.execute(db);
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- see up()
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("audit_log").execute();
  await sql`drop function audit_log_refuse_change()`.execute(db);
  for (const table of ["setup_tokens", "api_keys", "invites", "memberships", "projects", "accounts", "users"]) {
    await db.schema.dropTable(table).execute();
  }
  await db.schema.dropType("project_role").execute();
}
