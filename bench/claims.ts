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
// over-assignment check; exits 1 when the app's path misses the ratio target, any check fails or any call failed.
// bench/claims-http.ts measures the whole request instead: 200 annotators over HTTP through the real app.
import { randomBytes } from "node:crypto";
import { parseArgs } from "node:util";
import { Kysely, PostgresDialect } from "kysely";
import pg from "pg";
import { PreparingClient } from "../db";
import { migrateToLatest } from "../db/migrate";
import { dropDatabaseWhenIdle, withAdminClient } from "../db/testing/admin";
import { withDatabaseName } from "../db/testing/names";
import type { DB } from "../db/types";
import { buildClaimStatement, claimQueueItem } from "../server/review/claim-queries";
import { checkAssignments, claimRaw, finishItem, hasFailures, OVERLAP, print, printRatio, printTallies, RAW_SIDE, runSideBySide, seedClaimQueue, type Side } from "./claims-shared";

const { values: options } = parseArgs({
  options: {
    workers: { type: "string", default: "50" },
    items: { type: "string", default: "100000" },
    seconds: { type: "string", default: "3" },
    rounds: { type: "string", default: "5" },
  },
});
const [workers, itemCount, roundSeconds, rounds] = [options.workers, options.items, options.seconds, options.rounds].map(Number) as [number, number, number, number];

const serverUrl = process.env.DATABASE_URL;
if (!serverUrl) throw new Error("set DATABASE_URL to a Postgres server, e.g. postgres://postgres@127.0.0.1:5432/postgres");
const scratchName = `goldloop_bench_claims_${randomBytes(4).toString("hex")}`;

await withAdminClient(serverUrl, (client) => client.query(`create database ${scratchName}`));
// One pool for every side, so the sides never hold more than `workers` connections between them.
const pool = new pg.Pool({ connectionString: withDatabaseName(serverUrl, scratchName), max: workers + 2, application_name: "goldloop-bench", Client: PreparingClient });
const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
try {
  await migrateToLatest(db);
  const setupStart = performance.now();
  const queue = await seedClaimQueue(db, { itemCount, annotatorCount: workers });
  print(`node ${process.version}; ${workers} workers, ${itemCount.toLocaleString("en")} items, overlap ${OVERLAP}, ${rounds} rounds × ${roundSeconds} s per side`);
  print(`  setup ${((performance.now() - setupStart) / 1000).toFixed(1)} s`);

  const claimParams = (worker: number) => ({ projectId: queue.projectId, queueId: queue.queueId, userId: queue.annotatorIds[worker]!, overlap: OVERLAP, leaseSeconds: 600 });
  const finishAppItem = (_worker: number, itemId: number) => finishItem(pool, "queue_items", queue.projectId, itemId);
  const unpreparedClaimSql = buildClaimStatement(claimParams(0)).compile(db).sql.replace(/^\/\* prepared:[a-z_]+ \*\//, "");
  const sides: Side[] = [
    { name: RAW_SIDE, claim: () => claimRaw(pool, queue), finish: (_worker, itemId) => finishItem(pool, "bench_items", queue.projectId, itemId) },
    {
      name: "goldloop",
      claim: async (worker) => {
        for (;;) {
          const outcome = await claimQueueItem(db, claimParams(worker));
          if (outcome.kind !== "lost") return outcome.kind === "claimed" ? outcome.queueItemId : null;
        }
      },
      finish: finishAppItem,
    },
    {
      name: "goldloop unprepared",
      claim: async (worker) => {
        for (;;) {
          const { parameters } = buildClaimStatement(claimParams(worker)).compile(db);
          const { rows } = await pool.query<{ itemId: number; assignmentId: number | null }>(unpreparedClaimSql, [...parameters]);
          if (!rows[0] || rows[0].assignmentId !== null) return rows[0]?.itemId ?? null;
        }
      },
      finish: finishAppItem,
    },
  ];
  const tallies = await runSideBySide(sides, { workers, seconds: roundSeconds, rounds });
  const isRatioMet = printRatio("goldloop", printTallies(tallies));
  const isClean = await checkAssignments(db);
  if (!isRatioMet || !isClean || hasFailures(tallies)) process.exitCode = 1;
} finally {
  await db.destroy();
  await dropDatabaseWhenIdle(serverUrl, scratchName);
}
