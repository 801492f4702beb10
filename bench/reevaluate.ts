// Re-evaluation benchmark: `npm run bench:reevaluate [-- --items 8315 --annotators 12 --rounds 3]` with
// DATABASE_URL naming a Postgres server (a scratch database is created, migrated and dropped).
// Seeds a queue whose `items` items are closed to new labels (as an import leaves them), each with three
// counted answers from a pool of annotators, and times reevaluateOpenItems (server/resolution/reevaluate.ts)
// deciding all of them, once per policy: majority, then Dawid–Skene. Each round starts from the same open
// items (the previous round's gold is removed, untimed). Prints the median ms per policy and what was decided.
import { randomBytes } from "node:crypto";
import { parseArgs } from "node:util";
import { Kysely, PostgresDialect, sql } from "kysely";
import pg from "pg";
import { PreparingClient } from "../db";
import { migrateToLatest } from "../db/migrate";
import { seedProject } from "../db/seed/factories";
import { seedQueue } from "../db/seed/loop";
import { dropDatabaseWhenIdle, withAdminClient } from "../db/testing/admin";
import { withDatabaseName } from "../db/testing/names";
import type { DB } from "../db/types";
import { reevaluateOpenItems } from "../server/resolution/reevaluate";

const ANSWERS_PER_ITEM = 3;
const { values: options } = parseArgs({
  options: {
    items: { type: "string", default: "8315" },
    annotators: { type: "string", default: "12" },
    rounds: { type: "string", default: "3" },
  },
});
const [itemCount, annotatorCount, rounds] = [options.items, options.annotators, options.rounds].map(Number) as [number, number, number];
const print = (line = ""): void => {
  process.stdout.write(`${line}\n`);
};

const serverUrl = process.env.DATABASE_URL;
if (!serverUrl) throw new Error("set DATABASE_URL to a Postgres server, e.g. postgres://postgres@127.0.0.1:5432/postgres");
const scratchName = `goldloop_bench_reevaluate_${randomBytes(4).toString("hex")}`;

/** Closed items with three answers each; answers lean to the item's own true verdict 70 % of the time. */
async function seedData(db: Kysely<DB>) {
  const project = await seedProject(db);
  const queue = await seedQueue(db, { projectId: project.id, overlap: ANSWERS_PER_ITEM });
  await sql`
    insert into outputs (project_id, external_id, input, output, content_hash, produced_at)
    select ${project.id}::uuid, 'bench-' || g, '"Is this helpful?"'::jsonb, to_jsonb('Answer ' || g), md5(g::text), now()
    from generate_series(1, ${itemCount}::int) g
  `.execute(db);
  await sql`
    insert into queue_items (project_id, queue_id, output_id, content_hash, inclusion_probability, state, assigned_count, submitted_count)
    select project_id, ${queue.id}::uuid, id, content_hash, 1, 'needs_resolution', ${ANSWERS_PER_ITEM}, ${ANSWERS_PER_ITEM}
    from outputs where project_id = ${project.id}::uuid order by id
  `.execute(db);
  await sql`
    insert into users (email, name) select 'annotator-' || g || '@bench.test', 'Annotator ' || g from generate_series(1, ${annotatorCount}::int) g
  `.execute(db);
  await sql`
    with annotators as (select id, row_number() over (order by email) - 1 as n from users where email like '%@bench.test'),
    seats as (
      select qi.id as item_id, qi.id % 3 as truth, s as seat, a.id as annotator_id
      from queue_items qi cross join generate_series(0, ${ANSWERS_PER_ITEM - 1}::int) s
      join annotators a on a.n = (qi.id + s * 5) % ${annotatorCount}
      where qi.queue_id = ${queue.id}::uuid
    ), assigned as (
      insert into assignments (project_id, queue_id, queue_item_id, annotator_id, state, lease_expires_at, submitted_at)
      select ${project.id}::uuid, ${queue.id}::uuid, item_id, annotator_id, 'submitted', now(), now() from seats
      returning id, queue_item_id, annotator_id
    )
    insert into annotations (project_id, queue_item_id, assignment_id, annotator_id, values, schema_version)
    select ${project.id}::uuid, assigned.queue_item_id, assigned.id, assigned.annotator_id,
      jsonb_build_object('verdict', (array['helpful', 'harmful', 'off_topic'])[1 + case when random() < 0.7 then seats.truth else floor(random() * 3)::int end]),
      1
    from assigned join seats on seats.item_id = assigned.queue_item_id and seats.annotator_id = assigned.annotator_id
  `.execute(db);
  await sql`vacuum analyze`.execute(db);
  return { projectId: project.id, queueId: queue.id };
}

/** Puts every item back to closed and removes the gold a round wrote (its audit entries stay: the log is append-only). */
async function reopenAll(db: Kysely<DB>, queueId: string) {
  await sql`delete from gold_labels where queue_id = ${queueId}::uuid`.execute(db);
  await sql`update queue_items set state = 'needs_resolution', resolved_at = null, conflict_reasons = '{}' where queue_id = ${queueId}::uuid`.execute(db);
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

await withAdminClient(serverUrl, (client) => client.query(`create database ${scratchName}`));
const pool = new pg.Pool({ connectionString: withDatabaseName(serverUrl, scratchName), max: 4, application_name: "goldloop-bench", Client: PreparingClient });
const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
try {
  await migrateToLatest(db);
  const scope = await seedData(db);
  print(`reevaluateOpenItems: ${itemCount} closed items × ${ANSWERS_PER_ITEM} answers, ${annotatorCount} annotators, ${rounds} rounds`);
  for (const method of ["majority", "dawid_skene"] as const) {
    await db.updateTable("queues").set({ consensus_method: method, min_posterior: 0.5 }).where("id", "=", scope.queueId).execute();
    const times: number[] = [];
    let outcome = { resolved: 0, conflicts: 0 };
    for (let round = 0; round < rounds; round += 1) {
      await reopenAll(db, scope.queueId);
      const start = performance.now();
      outcome = await reevaluateOpenItems(db, scope);
      times.push(performance.now() - start);
    }
    print(`  ${method.padEnd(12)} median ${median(times).toFixed(0)} ms (rounds: ${times.map((ms) => ms.toFixed(0)).join(", ")}); resolved ${outcome.resolved}, conflicts ${outcome.conflicts}`);
  }
} finally {
  await db.destroy();
  await dropDatabaseWhenIdle(serverUrl, scratchName);
}
