// Export benchmark: `npm run bench:export [-- --rows 1000000 --runs 3 --semi-space-mb 16]` with DATABASE_URL naming a Postgres
// server (a scratch database is created, migrated and dropped). Seeds `rows` gold labels with SQL, then run
// by run: publishes a release of all of them with the app's publish path (timed), and reads that release,
// each side in a process of its own (bench/export-worker.ts) so peak RSS is measured per side:
// - COPY (SELECT …) TO STDOUT of the same JSONL lines, the baseline;
// - the app's streaming export (what the pull route serves) in every format.
// Prints each run and the median of the runs; exits 1 when a target is missed:
// JSONL ≥ 0.5 × COPY throughput, every format ≤ 300 MB peak RSS, every other format ≤ 2 × the JSONL time.
// Every side runs with V8's young generation capped at `--semi-space-mb` (16 MB, V8's classic size; 0 keeps
// Node's default): an export's live heap is ~20 MB, and what Node's default adds to peak RSS is young
// generation that V8 grows by allocation rate, not data held (see the README).
import { fork } from "node:child_process";
import { randomBytes } from "node:crypto";
import { once } from "node:events";
import { parseArgs } from "node:util";
import { sql, type Kysely } from "kysely";
import { createDatabase } from "../db";
import { migrateToLatest } from "../db/migrate";
import { seedProject, seedUser } from "../db/seed/factories";
import { seedQueue } from "../db/seed/loop";
import { dropDatabaseWhenIdle, withAdminClient } from "../db/testing/admin";
import { withDatabaseName } from "../db/testing/names";
import type { DB } from "../db/types";
import { exportFormats } from "../server/datasets/formats/schema";
import { createDataset, publishRelease } from "../server/datasets/service";
import type { ProjectActor } from "../server/auth/actor";
import type { WorkerJob, WorkerResult } from "./export-worker";

const TARGETS = { jsonlToCopy: 0.5, peakRssMb: 300, formatToJsonl: 2 };
const { values: options } = parseArgs({
  options: { rows: { type: "string", default: "1000000" }, runs: { type: "string", default: "3" }, "semi-space-mb": { type: "string", default: "16" } },
});
const rowCount = Number(options.rows);
const runs = Number(options.runs);
const semiSpaceMb = Number(options["semi-space-mb"]);
const workerFlags = semiSpaceMb > 0 ? [`--max-semi-space-size=${semiSpaceMb}`] : [];
const print = (line = ""): void => {
  process.stdout.write(`${line}\n`);
};

const serverUrl = process.env.DATABASE_URL;
if (!serverUrl) throw new Error("set DATABASE_URL to a Postgres server, e.g. postgres://postgres@127.0.0.1:5432/postgres");
const scratchName = `goldloop_bench_export_${randomBytes(4).toString("hex")}`;
const scratchUrl = withDatabaseName(serverUrl, scratchName);

/** Support conversations of about 600 bytes as JSONL; every third gold label carries a correction (a DPO pair). */
async function seedGold(db: Kysely<DB>, projectId: string, queueId: string) {
  await sql`
    insert into outputs (project_id, external_id, input, output, end_user_id, content_hash, produced_at)
    select ${projectId}::uuid, 'bench-' || n,
      jsonb_build_array(
        jsonb_build_object('role', 'system', 'content', 'You are the support assistant of Acme Cloud.'),
        jsonb_build_object('role', 'user', 'content', 'How do I rotate my API key? (ticket ' || n || ')')),
      to_jsonb('Open Settings → API keys, create a new key, deploy it, then revoke the old one. Reference ' || n || '. ' || repeat('Details follow. ', 10)),
      'user-' || (n % 5000), md5('bench-' || n), now()
    from generate_series(1, ${rowCount}::int) as n
  `.execute(db);
  await sql`
    insert into queue_items (project_id, queue_id, output_id, content_hash, inclusion_probability, state, resolved_at)
    select project_id, ${queueId}::uuid, id, content_hash, 1, 'resolved', now() from outputs where project_id = ${projectId}::uuid order by id
  `.execute(db);
  await sql`
    insert into gold_labels (project_id, queue_id, queue_item_id, output_id, values, correction, method, confidence, provenance)
    select project_id, queue_id, id, output_id,
      jsonb_build_object('verdict', case when id % 3 = 0 then 'harmful' else 'helpful' end),
      case when id % 3 = 0 then 'Open Settings → API keys → Rotate, then update your deployment. Reference ' || id || '.' end,
      'unanimous', 1, '{}'::jsonb
    from queue_items where project_id = ${projectId}::uuid order by id
  `.execute(db);
  await sql`vacuum analyze`.execute(db);
}

/** Publishing as the app does it today; when publishing becomes a job, this one call changes. */
const publish = (db: Kysely<DB>, actor: ProjectActor, datasetId: string) => publishRelease(db, actor, { datasetId, notes: "bench" });

async function runWorker(job: WorkerJob): Promise<WorkerResult> {
  const child = fork(new URL("./export-worker.ts", import.meta.url), { execArgv: [...process.execArgv, ...workerFlags], env: { ...process.env, DATABASE_URL: scratchUrl, LOG_LEVEL: "warn" } });
  const exited = once(child, "exit");
  child.send(job);
  // A worker that dies before it reports fails the run instead of leaving it waiting.
  const [result] = (await Promise.race([once(child, "message"), exited.then(([code]) => Promise.reject(new Error(`the ${job.side} worker exited with code ${code}`)))])) as [WorkerResult];
  await exited;
  return result;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const mbPerSecond = (result: WorkerResult) => result.bytes / 1e6 / (result.ms / 1000);
const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

await withAdminClient(serverUrl, (client) => client.query(`create database ${scratchName}`));
const db = createDatabase(scratchUrl);
const failures: string[] = [];
try {
  await migrateToLatest(db);
  const project = await seedProject(db);
  const user = await seedUser(db, { name: "Bench publisher" });
  const actor = { projectId: project.id, userId: user.id };
  const queue = await seedQueue(db, { projectId: project.id, overlap: 1 });
  const seedStart = performance.now();
  await seedGold(db, project.id, queue.id);
  print(`seeded ${rowCount.toLocaleString("en-US")} gold labels in ${seconds(performance.now() - seedStart)}`);
  const dataset = await createDataset(db, actor, { name: "Bench", description: "", queueIds: [queue.id], minConfidence: 0 });

  const sides = ["copy", ...exportFormats] as const;
  const results = new Map<string, WorkerResult[]>(sides.map((side) => [side, []]));
  const publishMs: number[] = [];
  for (let run = 1; run <= runs; run += 1) {
    const publishStart = performance.now();
    const published = await publish(db, actor, dataset.id);
    publishMs.push(performance.now() - publishStart);
    const release = await db.selectFrom("dataset_releases").select("id").where("project_id", "=", project.id).where("dataset_id", "=", dataset.id).where("number", "=", published.number).executeTakeFirstOrThrow();
    const line = [`run ${run}: publish ${seconds(publishMs.at(-1)!)}`];
    for (const side of sides) {
      const result = await runWorker({ side, projectId: project.id, slug: dataset.slug, release: published.number, releaseId: release.id });
      results.get(side)!.push(result);
      line.push(`${side} ${seconds(result.ms)} ${result.peakRssMb.toFixed(0)} MB`);
    }
    print(line.join(" · "));
  }

  const medianOf = (side: string) => {
    const sideResults = results.get(side)!;
    return {
      ms: median(sideResults.map((result) => result.ms)),
      bytes: sideResults[0]!.bytes,
      peakRssMb: Math.max(...sideResults.map((result) => result.peakRssMb)),
      peakHeapMb: Math.max(...sideResults.map((result) => result.peakHeapMb)),
      mbps: median(sideResults.map(mbPerSecond)),
    };
  };
  const copy = medianOf("copy");
  const jsonl = medianOf("jsonl");
  if (jsonl.bytes !== copy.bytes) failures.push(`JSONL wrote ${jsonl.bytes} bytes, COPY ${copy.bytes}: not the same rows`);
  print();
  print(`median of ${runs} runs, ${rowCount.toLocaleString("en-US")} rows; workers ran with ${workerFlags.join(" ") || "Node's default heap flags"}`);
  print("| side | time | rows/s | MB | MB/s | vs COPY (throughput) | vs JSONL (time) | peak RSS | peak V8 heap |");
  print("|---|---:|---:|---:|---:|---:|---:|---:|---:|");
  for (const side of sides) {
    const figures = medianOf(side);
    const rowsPerSecond = Math.round(rowCount / (figures.ms / 1000)).toLocaleString("en-US");
    const vsCopy = side === "copy" ? "1.00" : (copy.ms / figures.ms).toFixed(2);
    const vsJsonl = side === "copy" ? "" : (figures.ms / jsonl.ms).toFixed(2);
    print(`| ${side} | ${seconds(figures.ms)} | ${rowsPerSecond} | ${(figures.bytes / 1e6).toFixed(0)} | ${figures.mbps.toFixed(0)} | ${vsCopy} | ${vsJsonl} | ${figures.peakRssMb.toFixed(0)} MB | ${figures.peakHeapMb.toFixed(0)} MB |`);
    if (side !== "copy" && figures.peakRssMb > TARGETS.peakRssMb) failures.push(`${side} peaked at ${figures.peakRssMb.toFixed(0)} MB RSS (target ≤ ${TARGETS.peakRssMb} MB)`);
    if (side !== "copy" && side !== "jsonl" && figures.ms > TARGETS.formatToJsonl * jsonl.ms) failures.push(`${side} took ${(figures.ms / jsonl.ms).toFixed(2)} × the JSONL time (target ≤ ${TARGETS.formatToJsonl} ×)`);
  }
  print(`| publish (${rowCount.toLocaleString("en-US")}-row release) | ${seconds(median(publishMs))} | | | | | | | |`);
  const ratio = copy.ms / jsonl.ms;
  if (ratio < TARGETS.jsonlToCopy) failures.push(`JSONL ran at ${ratio.toFixed(2)} × COPY throughput (target ≥ ${TARGETS.jsonlToCopy})`);
} finally {
  await db.destroy();
  await dropDatabaseWhenIdle(serverUrl, scratchName);
}
print();
print(failures.length === 0 ? "all targets met" : `missed: ${failures.join("; ")}`);
process.exitCode = failures.length === 0 ? 0 : 1;
