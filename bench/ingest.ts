// Ingest benchmark: `npm run bench:ingest [-- --concurrency 4]` with DATABASE_URL naming a Postgres server
// (any database on it; a scratch database is created, migrated and dropped). Sends 1,000-output batches of
// ~1 KB rows over HTTP to the real POST /api/v1/outputs handler (served by bench/ingest-server.ts in its own
// process) with a sampling queue on, and runs raw COPY of the same rows side by side, round by round.
// Prints rows/s for both and their ratio, and how soon the queue items follow; exits 1 below the target.
import { fork } from "node:child_process";
import { randomBytes } from "node:crypto";
import { once } from "node:events";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { parseArgs } from "node:util";
import { sql } from "kysely";
import pg from "pg";
import { from as copyFrom } from "pg-copy-streams";
import { createDatabase } from "../db";
import { migrateToLatest } from "../db/migrate";
import { seedProject, seedUser } from "../db/seed/factories";
import { dropDatabaseWhenIdle, withAdminClient } from "../db/testing/admin";
import { withDatabaseName } from "../db/testing/names";
import { createApiKey } from "../server/api-keys/service";
import { hashCanonicalContent, toCanonicalJson } from "../server/ingest/content-hash";
import { createQueueRequestSchema } from "../server/queues/schema";
import { createQueue } from "../server/queues/service";
import { buildOutputItem } from "../server/ingest/test-fixtures";
import { buildQueueInput } from "../server/queues/test-fixtures";

const BATCHES = 20;
const BATCH_SIZE = 1_000;
const TARGET_RATIO = 0.6;
const { values: options } = parseArgs({ options: { concurrency: { type: "string", default: "1" } } });
const concurrency = Math.max(1, Number(options.concurrency));
const print = (line = ""): void => {
  process.stdout.write(`${line}\n`);
};

const serverUrl = process.env.DATABASE_URL;
if (!serverUrl) throw new Error("set DATABASE_URL to a Postgres server, e.g. postgres://postgres@127.0.0.1:5432/postgres");
const scratchName = `goldloop_bench_${randomBytes(4).toString("hex")}`;
const scratchUrl = withDatabaseName(serverUrl, scratchName);

/** One batch as an HTTP body and as COPY text of the same rows, built before timing so neither side pays for it. */
function buildBatch(batch: number, projectId: string) {
  const items = Array.from({ length: BATCH_SIZE }, (_, offset) => {
    const index = batch * BATCH_SIZE + offset;
    return buildOutputItem(index, { tags: ["support", index % 3 === 0 ? "billing" : "account"], metadata: { locale: "en", tier: index % 4 } });
  });
  const escape = (value: string) => value.replace(/[\\\t\n\r]/g, (char) => ({ "\\": "\\\\", "\t": "\\t", "\n": "\\n", "\r": "\\r" })[char]!);
  const copyText = items.map((item) => {
    const input = toCanonicalJson(item.input);
    const output = toCanonicalJson(item.output);
    const fields = [projectId, String(item.external_id), String(item.model), input, output, JSON.stringify(item.metadata), `{${(item.tags as string[]).join(",")}}`];
    return `${[...fields, String(item.end_user_id), "t", hashCanonicalContent(input, output), new Date().toISOString()].map(escape).join("\t")}\n`;
  });
  return { body: JSON.stringify({ outputs: items }), copyText: copyText.join("") };
}

const timed = async (run: () => Promise<unknown>) => {
  const start = performance.now();
  await run();
  return performance.now() - start;
};
const percentile = (values: number[], share: number) => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor(values.length * share))]!;

await withAdminClient(serverUrl, (client) => client.query(`create database ${scratchName}`));
const db = createDatabase(scratchUrl);
const copyClients = Array.from({ length: concurrency }, () => new pg.Client({ connectionString: scratchUrl }));
const server = fork(new URL("./ingest-server.ts", import.meta.url), { env: { ...process.env, DATABASE_URL: scratchUrl, LOG_LEVEL: "warn" } });
try {
  await migrateToLatest(db);
  const lead = await seedUser(db);
  const [httpProject, copyProject] = [await seedProject(db), await seedProject(db)];
  const { secret } = await createApiKey(db, { projectId: httpProject.id, userId: null }, { name: "bench", scopes: ["ingest"] });
  const queue = await createQueue(db, { projectId: httpProject.id, userId: lead.id }, createQueueRequestSchema.parse(buildQueueInput({ rate: 0.5 })));
  const [{ port }] = (await once(server, "message")) as [{ port: number }];
  const endpoint = `http://127.0.0.1:${port}/api/v1/outputs`;
  await Promise.all(copyClients.map((client) => client.connect()));

  let queuedAnswered = 0;
  const sendHttp = async (body: string) => {
    const response = await fetch(endpoint, { method: "POST", headers: { authorization: `Bearer ${secret}`, "content-type": "application/json" }, body });
    const result = (await response.json()) as { summary?: { created: number }; results?: { queued?: number }[] };
    if (response.status !== 200 || result.summary?.created !== BATCH_SIZE) throw new Error(`ingest failed: ${response.status} ${JSON.stringify(result).slice(0, 300)}`);
    queuedAnswered += result.results!.reduce((sum, item) => sum + (item.queued ?? 0), 0);
  };
  const copyColumns = "project_id, external_id, model, input, output, metadata, tags, end_user_id, consent, content_hash, produced_at";
  const sendCopy = (client: pg.Client, copyText: string) => pipeline(Readable.from([copyText]), client.query(copyFrom(`copy outputs (${copyColumns}) from stdin`)));

  // Warm-up round on both sides (JIT, pools, caches), not timed.
  const warmUps = Array.from({ length: concurrency }, (_, lane) => buildBatch(BATCHES + lane, copyProject.id));
  await Promise.all(warmUps.map((batch) => sendHttp(batch.body)));
  await Promise.all(warmUps.map((batch, lane) => sendCopy(copyClients[lane]!, batch.copyText)));

  const [httpMs, copyMs, httpBatchMs, copyBatchMs] = [[0], [0], [] as number[], [] as number[]];
  let bytes = 0;
  for (let round = 0; round * concurrency < BATCHES; round += 1) {
    const batches = Array.from({ length: Math.min(concurrency, BATCHES - round * concurrency) }, (_, lane) => buildBatch(round * concurrency + lane, copyProject.id));
    bytes += batches.reduce((sum, batch) => sum + Buffer.byteLength(batch.body), 0);
    const runHttp = async () => (httpMs[0]! += await timed(() => Promise.all(batches.map(async (batch) => httpBatchMs.push(await timed(() => sendHttp(batch.body)))))));
    const runCopy = async () =>
      (copyMs[0]! += await timed(() => Promise.all(batches.map(async (batch, lane) => copyBatchMs.push(await timed(() => sendCopy(copyClients[lane]!, batch.copyText)))))));
    // Alternate which side goes first so neither always meets a freshly checkpointed or warmer server.
    for (const run of round % 2 === 0 ? [runHttp, runCopy] : [runCopy, runHttp]) await run();
  }

  const rows = BATCHES * BATCH_SIZE;
  const [httpRate, copyRate] = [(rows / httpMs[0]!) * 1000, (rows / copyMs[0]!) * 1000];
  const ingested = rows + concurrency * BATCH_SIZE;
  // The route answers before it writes the queue items: wait for the last ones, then measure how long after
  // its output's transaction began each item was written (an upper bound on ingest → queued).
  while ((await db.selectFrom("queue_item_plans").select("id").limit(1).execute()).length > 0) await new Promise((done) => setTimeout(done, 20));
  const lags = (
    await db
      .selectFrom("queue_items")
      .innerJoin("outputs", "outputs.id", "queue_items.output_id")
      .select(sql<number>`extract(epoch from queue_items.created_at - outputs.created_at) * 1000`.as("ms"))
      .where("queue_items.queue_id", "=", queue.id)
      .execute()
  ).map((row) => Number(row.ms));
  const queued = await db.selectFrom("queue_items").select((eb) => eb.fn.countAll<number>().as("count")).where("project_id", "=", httpProject.id).where("queue_id", "=", queue.id).executeTakeFirstOrThrow();
  const latency = (values: number[]) => `batch p50 ${percentile(values, 0.5).toFixed(1)} ms, p95 ${percentile(values, 0.95).toFixed(1)} ms`;
  print(`node ${process.version}; ${BATCHES} batches × ${BATCH_SIZE} outputs, ${(bytes / rows).toFixed(0)} bytes of JSON per output; concurrency ${concurrency}; one queue sampling at rate 0.5`);
  print(`  HTTP POST /api/v1/outputs  ${httpRate.toFixed(0).padStart(7)} rows/s   ${latency(httpBatchMs)}`);
  print(`  raw COPY of the same rows  ${copyRate.toFixed(0).padStart(7)} rows/s   ${latency(copyBatchMs)}`);
  if (queued.count !== queuedAnswered) throw new Error(`the answers counted ${queuedAnswered} queue items, the queue holds ${queued.count}`);
  print(`  queued ${queued.count} of ${ingested} ingested outputs (${((queued.count / ingested) * 100).toFixed(1)} %), as the answers counted`);
  print(`  queued after its output's transaction began: p50 ${percentile(lags, 0.5).toFixed(0)} ms, p95 ${percentile(lags, 0.95).toFixed(0)} ms (loop budget 1 s)`);
  const ratio = httpRate / copyRate;
  print(`  ratio ${ratio.toFixed(2)}  ${ratio >= TARGET_RATIO ? "PASS" : "MISS"} (target ≥ ${TARGET_RATIO})`);
  if (ratio < TARGET_RATIO) process.exitCode = 1;
} finally {
  server.disconnect();
  await Promise.all(copyClients.map((client) => client.end().catch(() => undefined)));
  await db.destroy();
  await once(server, "exit");
  await dropDatabaseWhenIdle(serverUrl, scratchName);
}
