// Loop latency benchmark: `npm run bench:latency [-- --outputs 200 --rate 5 --annotators 10]` with DATABASE_URL
// naming a Postgres server (a scratch database is created, migrated and dropped). Ingests outputs over HTTP in
// small batches at a steady rate into a queue of overlap 2 that takes every output; programmatic annotators
// claim and submit as soon as items appear (through the review services, as the review page's procedures do);
// a client on the gold feed stream (GET /api/v1/gold/stream, SSE) notes when each output's gold arrives.
// Prints ingest → gold pullable p50 and p95 as the client sees them, the stages stamped on each gold label, and
// the latency.pullable metric the metrics job computes from those stamps. Exits 1 above the target.
import { fork } from "node:child_process";
import { randomBytes } from "node:crypto";
import { once } from "node:events";
import { parseArgs } from "node:util";
import { sql } from "kysely";
import { createDatabase } from "../db";
import { migrateToLatest } from "../db/migrate";
import { seedProject, seedReviewers, seedUser } from "../db/seed/factories";
import { dropDatabaseWhenIdle, withAdminClient } from "../db/testing/admin";
import { withDatabaseName } from "../db/testing/names";
import { createApiKey } from "../server/api-keys/service";
import { buildOutputItem } from "../server/ingest/test-fixtures";
import { ConflictError } from "../server/lib/errors";
import { readMetricPoints } from "../server/metrics/queries";
import { backfillMetrics } from "../server/metrics/service";
import { createQueueRequestSchema } from "../server/queues/schema";
import { createQueue } from "../server/queues/service";
import { buildQueueInput } from "../server/queues/test-fixtures";
import { claimNext } from "../server/review/service";
import { submitAnnotation } from "../server/review/submit-service";

const BATCH_SIZE = 5;
const OVERLAP = 2;
const TARGET_P95_MS = 1_000;
/**
 * An annotator who found nothing waits for the next ingest response (its items are queued by then) or this
 * long, whichever comes first. Polling instead, many annotators asking every few milliseconds would load the
 * database more than the loop being measured.
 */
const IDLE_RECHECK_MS = 200;
const { values: options } = parseArgs({
  options: { outputs: { type: "string", default: "200" }, rate: { type: "string", default: "5" }, annotators: { type: "string", default: "10" } },
});
const outputCount = Math.max(BATCH_SIZE, Number(options.outputs));
const ratePerSecond = Math.max(1, Number(options.rate));
const annotatorCount = Math.max(OVERLAP, Number(options.annotators));
const print = (line = ""): void => void process.stdout.write(`${line}\n`);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const percentile = (values: number[], share: number) => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor(values.length * share))]!;
const describe = (values: number[]) => (values.length === 0 ? "no samples" : `p50 ${percentile(values, 0.5).toFixed(0).padStart(5)} ms   p95 ${percentile(values, 0.95).toFixed(0).padStart(5)} ms`);

const serverUrl = process.env.DATABASE_URL;
if (!serverUrl) throw new Error("set DATABASE_URL to a Postgres server, e.g. postgres://postgres@127.0.0.1:5432/postgres");
const scratchName = `goldloop_bench_${randomBytes(4).toString("hex")}`;
const scratchUrl = withDatabaseName(serverUrl, scratchName);

/** Reads the gold feed's Server-Sent Events and calls `onGold` with each entry's external_id as it arrives. */
async function followGoldFeed(url: string, secret: string, onGold: (externalId: string) => void, signal: AbortSignal): Promise<void> {
  const response = await fetch(url, { headers: { authorization: `Bearer ${secret}`, accept: "text/event-stream" }, signal });
  if (response.status !== 200 || !response.body) throw new Error(`gold stream failed: ${response.status}`);
  const decoder = new TextDecoder();
  let buffer = "";
  try {
    for await (const chunk of response.body) {
      buffer += decoder.decode(chunk, { stream: true });
      let end: number;
      while ((end = buffer.indexOf("\n\n")) >= 0) {
        const lines = buffer.slice(0, end).split("\n");
        buffer = buffer.slice(end + 2);
        const data = lines.find((line) => line.startsWith("data: "));
        if (lines.includes("event: gold") && data) onGold((JSON.parse(data.slice("data: ".length)) as { external_id: string }).external_id);
      }
    }
  } catch (error) {
    if (!signal.aborted) throw error;
  }
}

await withAdminClient(serverUrl, (client) => client.query(`create database ${scratchName}`));
const db = createDatabase(scratchUrl, { maxConnections: annotatorCount + 4 });
const server = fork(new URL("./latency-server.ts", import.meta.url), { env: { ...process.env, DATABASE_URL: scratchUrl, LOG_LEVEL: "warn" } });
const stopFeed = new AbortController();
let isDone = false;
try {
  await migrateToLatest(db);
  const lead = await seedUser(db);
  const project = await seedProject(db);
  const { secret } = await createApiKey(db, { projectId: project.id, userId: null }, { name: "bench", scopes: ["ingest", "datasets:read"] });
  const queue = await createQueue(db, { projectId: project.id, userId: lead.id }, createQueueRequestSchema.parse(buildQueueInput({ rate: 1 }, { overlap: OVERLAP })));
  const annotators = await seedReviewers(db, { projectId: project.id, count: annotatorCount });
  const [{ port }] = (await once(server, "message")) as [{ port: number }];
  const base = `http://127.0.0.1:${port}/api/v1`;

  const ingestStartedAt = new Map<string, number>();
  const goldArrivedAt = new Map<string, number>();
  let allGold: () => void = () => {};
  const allGoldArrived = new Promise<void>((resolve) => (allGold = resolve));
  const feed = followGoldFeed(
    `${base}/gold/stream`,
    secret,
    (externalId) => {
      if (!goldArrivedAt.has(externalId)) goldArrivedAt.set(externalId, performance.now());
      if (goldArrivedAt.size === outputCount) allGold();
    },
    stopFeed.signal,
  );

  // Each ingest response wakes the idle annotators: the items it queued are claimable from then on.
  let wakeIdle: () => void = () => {};
  let itemsQueued = new Promise<void>((resolve) => (wakeIdle = resolve));
  const announceItems = () => {
    wakeIdle();
    itemsQueued = new Promise<void>((resolve) => (wakeIdle = resolve));
  };
  const annotate = async (annotator: (typeof annotators)[number]) => {
    const actor = { projectId: project.id, userId: annotator.id };
    while (!isDone) {
      const task = await claimNext(db, actor, { queueId: queue.id }).catch((error: unknown) => {
        // Every item left is mid-submit by someone else, and may still have room: ask again at once.
        if (error instanceof ConflictError) return "busy" as const;
        throw error;
      });
      if (task === "busy") continue;
      if (!task) {
        await Promise.race([itemsQueued, sleep(IDLE_RECHECK_MS)]);
        continue;
      }
      await submitAnnotation(db, actor, { assignmentId: task.assignment.id, values: { verdict: "helpful" } });
    }
  };
  const working = annotators.map(annotate);

  // Batches leave on a fixed schedule whatever the server's pace, as an application's traffic would.
  const batchIntervalMs = (BATCH_SIZE / ratePerSecond) * 1000;
  const startedAt = performance.now();
  const sends: Promise<void>[] = [];
  for (let batch = 0; batch * BATCH_SIZE < outputCount; batch += 1) {
    await sleep(Math.max(0, startedAt + batch * batchIntervalMs - performance.now()));
    const items = Array.from({ length: Math.min(BATCH_SIZE, outputCount - batch * BATCH_SIZE) }, (_, offset) => buildOutputItem(batch * BATCH_SIZE + offset));
    const sentAt = performance.now();
    for (const item of items) ingestStartedAt.set(item.external_id as string, sentAt);
    sends.push(
      fetch(`${base}/outputs`, { method: "POST", headers: { authorization: `Bearer ${secret}`, "content-type": "application/json" }, body: JSON.stringify({ outputs: items }) }).then(async (response) => {
        if (response.status !== 200) throw new Error(`ingest failed: ${response.status} ${(await response.text()).slice(0, 300)}`);
        announceItems();
      }),
    );
  }
  await Promise.all(sends);
  await Promise.race([allGoldArrived, sleep(60_000)]);
  isDone = true;
  await Promise.all(working);
  stopFeed.abort();
  await feed;

  const endToEndOf = (externalId: string) => goldArrivedAt.get(externalId)! - ingestStartedAt.get(externalId)!;
  const endToEnd = [...goldArrivedAt.keys()].map(endToEndOf);
  const { rows: stamped } = await sql<{ externalId: string; queued: number; firstClaim: number; gold: number; pullable: number }>`
    select outputs.external_id as "externalId",
      extract(epoch from gold_labels.queued_at - gold_labels.ingested_at) * 1000 as queued,
      extract(epoch from gold_labels.first_claimed_at - gold_labels.ingested_at) * 1000 as "firstClaim",
      extract(epoch from gold_labels.created_at - gold_labels.ingested_at) * 1000 as gold,
      extract(epoch from gold_labels.pullable_at - gold_labels.ingested_at) * 1000 as pullable
    from gold_labels join outputs on outputs.id = gold_labels.output_id and outputs.project_id = ${project.id}
    where gold_labels.project_id = ${project.id}
  `.execute(db);
  // The client's wait past the commit: notification, the stream's read, the HTTP hop (clocks differ by the ingest request's own time).
  const afterCommit = stamped.filter((row) => goldArrivedAt.has(row.externalId)).map((row) => endToEndOf(row.externalId) - Number(row.pullable));
  await backfillMetrics(db, project.id);
  const [metric] = await readMetricPoints(db, project.id, { granularity: "day", metrics: ["latency.pullable"] });

  print(`node ${process.version}; ${outputCount} outputs in batches of ${BATCH_SIZE} at ${ratePerSecond}/s over HTTP; ${annotatorCount} instant annotators, overlap ${OVERLAP}`);
  print(`  gold arrived on the stream for ${goldArrivedAt.size} of ${outputCount} outputs`);
  print(`  ingest request → gold event on the stream   ${describe(endToEnd)}   (the client's clock)`);
  print("  stages stamped on the gold labels, from the output's ingest (the database's clock):");
  for (const stage of ["queued", "firstClaim", "gold", "pullable"] as const) print(`    ${stage.padEnd(10)}  ${describe(stamped.map((row) => Number(row[stage])))}`);
  print(`  gold event on the stream after its commit     ${describe(afterCommit)}`);
  if (metric) print(`  latency.pullable metric for the day: p50 ${((metric.detail.p50 as number) * 1000).toFixed(0)} ms, p95 ${((metric.detail.p95 as number) * 1000).toFixed(0)} ms over ${metric.sampleSize} gold labels`);
  const p95 = endToEnd.length > 0 ? percentile(endToEnd, 0.95) : Number.POSITIVE_INFINITY;
  const isMet = goldArrivedAt.size === outputCount && p95 <= TARGET_P95_MS;
  print(`  ingest → gold pullable p95 ${p95.toFixed(0)} ms  ${isMet ? "PASS" : "MISS"} (target ≤ ${TARGET_P95_MS} ms, every output's gold on the stream)`);
  if (!isMet) process.exitCode = 1;
} finally {
  isDone = true;
  stopFeed.abort();
  server.disconnect();
  await db.destroy();
  await once(server, "exit");
  await dropDatabaseWhenIdle(serverUrl, scratchName);
}
