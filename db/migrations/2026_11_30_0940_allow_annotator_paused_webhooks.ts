import { sql, type Kysely } from "kysely";

const before = ["release.published", "gold.created", "gold.revised", "conflict.opened", "annotation.submitted", "webhook.test", "alert.raised", "alert.resolved"];
const after = [...before, "annotator.paused"];

function eventTypesCheck(types: string[]) {
  return sql`cardinality(event_types) > 0 and event_types <@ array[${sql.join(types.map((type) => sql.lit(type)))}]::text[]`;
}

/** Endpoints may subscribe to `annotator.paused`, sent when a queue's quality gate pauses an annotator. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations run against the schema as it was, not as db/types.ts says it is now
export async function up(db: Kysely<any>): Promise<void> {
  await sql`alter table webhook_endpoints drop constraint webhook_endpoints_event_types_check`.execute(db);
  await sql`alter table webhook_endpoints add constraint webhook_endpoints_event_types_check check (${eventTypesCheck(after)})`.execute(db);
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- see up()
export async function down(db: Kysely<any>): Promise<void> {
  // An endpoint that listened only for pauses has nothing left to listen for.
  await sql`delete from webhook_endpoints where event_types = array['annotator.paused']::text[]`.execute(db);
  await sql`update webhook_endpoints set event_types = array_remove(event_types, 'annotator.paused')`.execute(db);
  await sql`alter table webhook_endpoints drop constraint webhook_endpoints_event_types_check`.execute(db);
  await sql`alter table webhook_endpoints add constraint webhook_endpoints_event_types_check check (${eventTypesCheck(before)})`.execute(db);
}
