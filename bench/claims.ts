// Claim benchmark: `npm run bench:claims [-- --workers 50 --items 100000 --seconds 3 --rounds 5]` with
// DATABASE_URL naming a Postgres server (a scratch database is created, migrated and dropped).
// `workers` annotators claim concurrently, one connection each, from a queue of `items` items with overlap 3,
// side by side, round by round, with:
// - raw: the textbook one-statement `UPDATE … WHERE id = (SELECT … FOR UPDATE SKIP LOCKED LIMIT 1)` on a
//   copy of the queue's items (same rows, same indexes), which writes no assignment;
// - goldloop: the real claim statement (server/review/claim-queries.ts) as the app runs it: through Kysely,
//   as a prepared statement (db/index.ts);
// - goldloop unprepared: the same statement parsed and planned on every call, for context.
// Every statement takes a pooled connection per call, as in the app.
// After each claim a worker marks one answer in with the same cheap update on either table, so finished
// items leave the open set as in real use. Prints claims/s, claim latency, the ratio to raw, and an
// over-assignment check; exits 1 when the app's path misses the ratio target or any check fails.
import { randomBytes } from "node:crypto";
import { parseArgs } from "node:util";
import { Kysely, PostgresDialect, sql } from "kysely";
import pg from "pg";
import { PreparingClient } from "../db";
import { migrateToLatest } from "../db/migrate";
import { seedProject } from "../db/seed/factories";
import { dropDatabaseWhenIdle, withAdminClient } from "../db/testing/admin";
import { withDatabaseName } from "../db/testing/names";
import type { DB } from "../db/types";
import { buildClaimStatement, claimQueueItem } from "../server/review/claim-queries";
import { seedQueue } from "../db/seed/loop";

const OVERLAP = 3;
const TARGET_RATIO = 0.9;
const { values: options } = parseArgs({
  options: {
    workers: { type: "string", default: "50" },
    items: { type: "string", default: "100000" },
    seconds: { type: "string", default: "3" },
    rounds: { type: "string", default: "5" },
  },
});
const [workers, itemCount, roundSeconds, rounds] = [options.workers, options.items, options.seconds, options.rounds].map(Number) as [number, number, number, number];
const print = (line = ""): void => {
  process.stdout.write(`${line}\n`);
};

const serverUrl = process.env.DATABASE_URL;
if (!serverUrl) throw new Error("set DATABASE_URL to a Postgres server, e.g. postgres://postgres@127.0.0.1:5432/postgres");
const scratchName = `goldloop_bench_claims_${randomBytes(4).toString("hex")}`;

/** The queue, its items, one annotator per worker, and the baseline's copy of the items. */
async function seedData(db: Kysely<DB>) {
  const project = await seedProject(db);
  const queue = await seedQueue(db, { projectId: project.id, overlap: OVERLAP });
  await sql`
    insert into outputs (project_id, external_id, input, output, content_hash, produced_at)
    select ${project.id}::uuid, 'bench-' || g, '"How do refunds work?"'::jsonb, to_jsonb('Refunds take 5 days. ' || g), md5(g::text), now()
    from generate_series(1, ${itemCount}::int) g
  `.execute(db);
  await sql`
    insert into queue_items (project_id, queue_id, output_id, content_hash, inclusion_probability)
    select project_id, ${queue.id}::uuid, id, content_hash, 1 from outputs where project_id = ${project.id}::uuid order by id
  `.execute(db);
  await sql`create table bench_items (like queue_items including all)`.execute(db);
  await sql`insert into bench_items overriding system value select * from queue_items`.execute(db);
  const { rows } = await sql<{ id: string }>`
    insert into users (email, name) select 'annotator-' || g || '@bench.test', 'Annotator ' || g from generate_series(1, ${workers}::int) g returning id
  `.execute(db);
  await sql`vacuum analyze`.execute(db);
  return { projectId: project.id, queueId: queue.id, annotatorIds: rows.map((row) => row.id) };
}

/** A way to claim; `table` is where its items live, for the shared finishing update. */
type Side = { name: string; table: "queue_items" | "bench_items"; claim: (worker: number) => Promise<number | null> };
type Tally = { claims: number; ms: number; latencies: number[] };

/** Every worker claims and finishes in a loop for `roundSeconds`; records claims and claim-statement latencies. */
async function runRound(side: Side, finish: (side: Side, itemId: number) => Promise<unknown>, tally: Tally, seconds = roundSeconds): Promise<void> {
  const start = performance.now();
  const deadline = start + seconds * 1000;
  await Promise.all(
    Array.from({ length: workers }, async (_, worker) => {
      while (performance.now() < deadline) {
        const claimStart = performance.now();
        const itemId = await side.claim(worker);
        tally.latencies.push(performance.now() - claimStart);
        if (itemId === null) throw new Error(`${side.name}: the queue ran dry; use more --items or fewer --seconds`);
        tally.claims += 1;
        await finish(side, itemId);
      }
    }),
  );
  tally.ms += performance.now() - start;
}

const percentile = (values: number[], share: number) => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor(values.length * share))]!;

await withAdminClient(serverUrl, (client) => client.query(`create database ${scratchName}`));
// One pool for every side, so the sides never hold more than `workers` connections between them.
const pool = new pg.Pool({ connectionString: withDatabaseName(serverUrl, scratchName), max: workers + 2, application_name: "goldloop-bench", Client: PreparingClient });
const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
try {
  await migrateToLatest(db);
  const setupStart = performance.now();
  const data = await seedData(db);
  print(`node ${process.version}; ${workers} workers, ${itemCount.toLocaleString("en")} items, overlap ${OVERLAP}, ${rounds} rounds × ${roundSeconds} s per side`);
  print(`  setup ${((performance.now() - setupStart) / 1000).toFixed(1)} s`);

  const claimParams = (worker: number) => ({ projectId: data.projectId, queueId: data.queueId, userId: data.annotatorIds[worker]!, overlap: OVERLAP, leaseSeconds: 600 });
  // Every statement takes a pooled connection and gives it back, as the app's do.
  const finish = (side: Side, itemId: number) =>
    pool.query(
      `update ${side.table} set submitted_count = submitted_count + 1, state = case when submitted_count + 1 >= ${OVERLAP} then 'resolved' else state end
       where id = $1 and project_id = $2`,
      [itemId, data.projectId],
    );
  const rawClaimSql = `
    update bench_items set assigned_count = assigned_count + 1, state = 'in_review'
    where id = (
      select id from bench_items
      where project_id = $1 and queue_id = $2 and state in ('pending', 'in_review') and assigned_count < ${OVERLAP}
      order by priority desc, id limit 1 for update skip locked
    )
    returning id`;
  const unpreparedClaimSql = buildClaimStatement(claimParams(0)).compile(db).sql.replace(/^\/\* prepared:[a-z_]+ \*\//, "");
  const sides: Side[] = [
    {
      name: "raw SKIP LOCKED",
      table: "bench_items",
      claim: async () => (await pool.query<{ id: number }>(rawClaimSql, [data.projectId, data.queueId])).rows[0]?.id ?? null,
    },
    {
      name: "goldloop",
      table: "queue_items",
      claim: async (worker) => {
        for (;;) {
          const outcome = await claimQueueItem(db, claimParams(worker));
          if (outcome.kind !== "lost") return outcome.kind === "claimed" ? outcome.queueItemId : null;
        }
      },
    },
    {
      name: "goldloop unprepared",
      table: "queue_items",
      claim: async (worker) => {
        for (;;) {
          const { parameters } = buildClaimStatement(claimParams(worker)).compile(db);
          const { rows } = await pool.query<{ itemId: number; assignmentId: number | null }>(unpreparedClaimSql, [...parameters]);
          if (!rows[0] || rows[0].assignmentId !== null) return rows[0]?.itemId ?? null;
        }
      },
    },
  ];
  const tallies = new Map(sides.map((side) => [side.name, { claims: 0, ms: 0, latencies: [] } as Tally]));
  // One untimed second per side first: every connection prepares its statements and the caches fill.
  for (const side of sides) await runRound(side, finish, { claims: 0, ms: 0, latencies: [] }, 1);
  for (let round = 0; round < rounds; round += 1) {
    // Rotate the order, so no side always runs first, on a warmer or quieter machine.
    for (const side of sides.map((_, index) => sides[(index + round) % sides.length]!)) await runRound(side, finish, tallies.get(side.name)!);
  }

  const rates = new Map<string, number>();
  for (const side of sides) {
    const tally = tallies.get(side.name)!;
    const rate = (tally.claims / tally.ms) * 1000;
    rates.set(side.name, rate);
    const ratio = side.name === "raw SKIP LOCKED" ? "" : `   ratio ${(rate / rates.get("raw SKIP LOCKED")!).toFixed(2)}`;
    print(
      `  ${side.name.padEnd(20)} ${rate.toFixed(0).padStart(6)} claims/s   p50 ${percentile(tally.latencies, 0.5).toFixed(1).padStart(5)} ms   ` +
        `p99 ${percentile(tally.latencies, 0.99).toFixed(1).padStart(5)} ms   (${tally.claims.toLocaleString("en")} claims)${ratio}`,
    );
  }
  const ratio = rates.get("goldloop")! / rates.get("raw SKIP LOCKED")!;
  print(`  goldloop / raw ${ratio.toFixed(2)}  ${ratio >= TARGET_RATIO ? "PASS" : "MISS"} (target ≥ ${TARGET_RATIO})`);

  const { rows: checks } = await sql<{ overAssigned: number; doubled: number; counterDrift: number }>`
    select
      (select count(*) from (select queue_item_id from assignments group by queue_item_id having count(distinct annotator_id) > ${OVERLAP}) x)::int as "overAssigned",
      (select count(*) from (select 1 from assignments group by queue_item_id, annotator_id having count(*) > 1) x)::int as "doubled",
      (select count(*) from queue_items qi
        where qi.assigned_count <> (select count(*) from assignments a where a.queue_item_id = qi.id and a.state in ('active', 'submitted')))::int as "counterDrift"
  `.execute(db);
  const check = checks[0]!;
  const isClean = check.overAssigned === 0 && check.doubled === 0 && check.counterDrift === 0;
  print(
    `  over-assignment: ${check.overAssigned} items with more than ${OVERLAP} annotators, ${check.doubled} (item, annotator) pairs twice, ` +
      `${check.counterDrift} counters off  ${isClean ? "PASS" : "MISS"}`,
  );
  if (ratio < TARGET_RATIO || !isClean) process.exitCode = 1;
} finally {
  await db.destroy();
  await dropDatabaseWhenIdle(serverUrl, scratchName);
}
