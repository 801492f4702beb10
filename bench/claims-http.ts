// Claims over HTTP, the realistic shape: `npm run bench:claims:http [-- --annotators 200 --items 1000000
// --seconds 10 --rounds 3]` with DATABASE_URL naming a Postgres server (a scratch database is created, migrated
// and dropped). Side by side, round by round, on a queue of `items` items with overlap 3:
// - goldloop over HTTP: `annotators` people, each a project member with a session of their own, take the
//   next item the way the review page does: `review.claimNext` through the tRPC client over HTTP into the
//   real server (bench/app-server.ts: Next, next-auth, tRPC, server/review/service.ts claimNext: queue
//   lookup, own live assignment, lease reaping, gold checks, the claim statement, suggestion, task load),
//   then answer it with `review.submit`, the app's real submit path, so answered items leave the open set.
//   The server runs on the app's own pool (db/index.ts, 10 connections) with the web role only, so no
//   background job shares that pool with the annotators. The page also prefetches a second claim while a
//   task is on screen; here each annotator claims, then submits, one request at a time.
// - raw SKIP LOCKED: as many concurrent loops, each the textbook one-statement claim plus a finishing update
//   (bench/claims-shared.ts), on a copy of the same items, over a pg pool of the same size.
// Sessions are minted as next-auth mints them on sign-in (a JWT encrypted with NEXTAUTH_SECRET, in its
// session cookie), so every request passes the same session decoding and membership check as a browser's.
// Prints claims/s, p50 and p99 claim latency (the HTTP round trip for the app) and answer latency, the ratio to
// raw against the design target (printed only: HTTP, sessions, the task load and the real submit are what this
// shape adds), and the over-assignment check on the app's queue; exits 1 when that check fails or a call failed
// (a failed call is counted and its annotator carries on, so one refusal does not lose the run).
import { randomBytes } from "node:crypto";
import { parseArgs } from "node:util";
import { createTRPCClient, httpBatchLink } from "@trpc/client";
import { sql } from "kysely";
import { encode } from "next-auth/jwt";
import pg from "pg";
import superjson from "superjson";
import { createDatabase } from "../db";
import { migrateToLatest } from "../db/migrate";
import { dropDatabaseWhenIdle, withAdminClient } from "../db/testing/admin";
import { withDatabaseName } from "../db/testing/names";
import type { AppRouter } from "../server/api/root";
import { startAppServer } from "./app-server";
import { checkAssignments, claimRaw, finishItem, hasFailures, OVERLAP, print, printRatio, printTallies, RAW_SIDE, runSideBySide, seedClaimQueue, type ClaimQueue, type Side } from "./claims-shared";

/** db/index.ts createDatabase's default, which the server runs with; the raw side gets a pool this size too. */
const APP_POOL_SIZE = 10;
const APP_SIDE = "goldloop over HTTP";
const { values: options } = parseArgs({
  options: {
    annotators: { type: "string", default: "200" },
    items: { type: "string", default: "1000000" },
    // A round runs until its last answer is in, so a round shorter than one claim-and-answer cycle (about 5 s
    // with 200 annotators on two cores) measures a single burst of claims.
    seconds: { type: "string", default: "10" },
    rounds: { type: "string", default: "3" },
  },
});
const [annotators, itemCount, roundSeconds, rounds] = [options.annotators, options.items, options.seconds, options.rounds].map(Number) as [number, number, number, number];

const serverUrl = process.env.DATABASE_URL;
if (!serverUrl) throw new Error("set DATABASE_URL to a Postgres server, e.g. postgres://postgres@127.0.0.1:5432/postgres");
const scratchName = `goldloop_bench_claims_http_${randomBytes(4).toString("hex")}`;
const scratchUrl = withDatabaseName(serverUrl, scratchName);
const secret = randomBytes(32).toString("base64url");

/** One tRPC client per annotator, as each browser has its own, carrying that annotator's session cookie. */
async function connectAnnotator(appUrl: string, userId: string) {
  // next-auth's jwt callback keeps the user id in `sub`; the session callback reads only that.
  const sessionToken = await encode({ token: { sub: userId }, secret });
  return createTRPCClient<AppRouter>({
    links: [httpBatchLink({ url: `${appUrl}/api/trpc`, transformer: superjson, headers: { cookie: `next-auth.session-token=${sessionToken}` } })],
  });
}

/** Items whose submitted_count differs from their submitted assignments: the submit path's counter. */
async function countSubmittedDrift(db: ReturnType<typeof createDatabase>): Promise<number> {
  const { rows } = await sql<{ drift: number }>`
    select count(*)::int as drift from queue_items qi
    left join (select queue_item_id, count(*) as submitted from assignments where state = 'submitted' group by queue_item_id) a on a.queue_item_id = qi.id
    where qi.submitted_count <> coalesce(a.submitted, 0)
  `.execute(db);
  return rows[0]!.drift;
}

await withAdminClient(serverUrl, (client) => client.query(`create database ${scratchName}`));
const db = createDatabase(scratchUrl, { maxConnections: 2 });
const rawPool = new pg.Pool({ connectionString: scratchUrl, max: APP_POOL_SIZE, application_name: "goldloop-bench" });
let stopServer = async () => {};
try {
  await migrateToLatest(db);
  const setupStart = performance.now();
  const queue: ClaimQueue = await seedClaimQueue(db, { itemCount, annotatorCount: annotators });
  // An instance admin exists, so the server prints no first-run setup link.
  await sql`insert into users (email, name, is_instance_admin) values ('admin@bench.test', 'Bench admin', true)`.execute(db);
  const seedSeconds = (performance.now() - setupStart) / 1000;
  const serverStart = performance.now();
  const server = await startAppServer({ databaseUrl: scratchUrl, secret, roles: "web" });
  stopServer = server.stop;
  const clients = await Promise.all(queue.annotatorIds.map((userId) => connectAnnotator(server.url, userId)));
  print(`node ${process.version}; ${annotators} annotators, ${itemCount.toLocaleString("en")} items, overlap ${OVERLAP}, pool ${APP_POOL_SIZE} per side, ${rounds} rounds × ${roundSeconds} s per side`);
  print(`  setup ${seedSeconds.toFixed(1)} s seeding, ${((performance.now() - serverStart) / 1000).toFixed(1)} s starting the app server`);

  const sides: Side[] = [
    { name: RAW_SIDE, claim: () => claimRaw(rawPool, queue), finish: (_worker, itemId) => finishItem(rawPool, "bench_items", queue.projectId, itemId) },
    {
      name: APP_SIDE,
      claim: async (worker) => (await clients[worker]!.review.claimNext.mutate({ projectId: queue.projectId, queueId: queue.queueId }))?.assignment.id ?? null,
      finish: (worker, assignmentId) => clients[worker]!.review.submit.mutate({ projectId: queue.projectId, assignmentId, values: { verdict: "helpful" } }),
    },
  ];
  const tallies = await runSideBySide(sides, { workers: annotators, seconds: roundSeconds, rounds });
  printRatio(APP_SIDE, printTallies(tallies));
  const isClean = await checkAssignments(db);
  const submittedDrift = await countSubmittedDrift(db);
  print(`  submit counters: ${submittedDrift} items whose submitted_count differs from their submitted assignments  ${submittedDrift === 0 ? "PASS" : "MISS"}`);
  if (!isClean || submittedDrift !== 0 || hasFailures(tallies)) process.exitCode = 1;
} finally {
  await stopServer();
  await rawPool.end();
  await db.destroy();
  await dropDatabaseWhenIdle(serverUrl, scratchName);
}
