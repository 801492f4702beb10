// Detector benchmark: `npm run bench:detectors [-- --runs 3 --source points|backfill --keep --seed-only --reuse DB]`
// with DATABASE_URL naming a Postgres server (a scratch database is created, migrated and dropped). A project with
// about 1M labels over 90 daily windows: 5 queues (10% holdout, 10% decoys), 20 annotators (8 per queue), 3
// annotations per item.
// - `--source points` (default): writes the metric points such a project produces (synthetic-project.ts).
// - `--source backfill`: seeds the labelled loop itself (bench/labelled-loop.ts: 333k outputs and items, 1M
//   annotations, gold, signals; a rubber-stamper per queue from day 60), then times the metrics job's
//   backfillMetrics by hour and by day, and each metric family's statement alone over the daily windows.
// - `--keep` keeps the scratch database and prints its name; `--seed-only` seeds it and stops; `--reuse DB`
//   times against a database such a run kept instead of seeding again (the seed takes minutes).
// Then run by run it times readMetricPoints (every daily point) plus a full pass of every detector, and exits 1
// when a pass misses the 5 s target; with `--source backfill` it also prints the daily backfill plus the median pass.
import { randomBytes } from "node:crypto";
import { parseArgs } from "node:util";
import type { Transaction } from "kysely";
import { createDatabase, type Database } from "../db";
import type { DB } from "../db/types";
import { migrateToLatest } from "../db/migrate";
import { seedProject, seedUser } from "../db/seed/factories";
import { seedQueue } from "../db/seed/loop";
import { dropDatabaseWhenIdle, withAdminClient } from "../db/testing/admin";
import { withDatabaseName } from "../db/testing/names";
import { runDetectors } from "../server/alerts/detectors";
import { generateSyntheticProject, syntheticQueueId } from "../server/alerts/detectors/testing/synthetic-project";
import { computeAgreementPoints } from "../server/metrics/families/agreement";
import { computeAnnotationPoints } from "../server/metrics/families/annotations";
import { computeAnnotatorPoints } from "../server/metrics/families/annotators";
import { computeDiversityPoints } from "../server/metrics/families/diversity";
import { computeGoldLabelPoints } from "../server/metrics/families/gold-labels";
import { computeInputPoints } from "../server/metrics/families/inputs";
import { computeLatencyPoints } from "../server/metrics/families/latency";
import { tuneForMetricsPass } from "../server/metrics/compute";
import { readMetricPoints } from "../server/metrics/queries";
import { backfillMetrics, getLoopSettings } from "../server/metrics/service";
import { toWindowSet } from "../server/metrics/windows";
import { seedLabelledLoop } from "./labelled-loop";

const TARGET_MS = 5000;
const QUEUES = 5;
const ANNOTATORS = 20;
const DAYS = 90;
const { values: options } = parseArgs({
  options: {
    runs: { type: "string", default: "3" },
    source: { type: "string", default: "points" },
    keep: { type: "boolean", default: false },
    reuse: { type: "string" },
    "seed-only": { type: "boolean", default: false },
  },
});
const runs = Number(options.runs);
if (options.source !== "backfill" && options.source !== "points") throw new Error("--source is backfill or points");
const print = (line = ""): void => {
  process.stdout.write(`${line}\n`);
};
const LOOP_START = new Date(Date.UTC(2026, 5, 1));
const seconds = (since: number) => `${((performance.now() - since) / 1000).toFixed(1)} s`;

/** The labelled loop itself, as rows. */
async function seedRows(db: Database, projectId: string, queueIds: string[]): Promise<void> {
  const annotatorIds: string[] = [];
  for (let index = 0; index < ANNOTATORS; index += 1) annotatorIds.push((await seedUser(db, { name: `Annotator ${index}` })).id);
  const seedStart = performance.now();
  const { labels } = await seedLabelledLoop(db, { projectId, queueIds, annotatorIds, start: LOOP_START, days: DAYS, itemsPerDay: 3704, stampFromDay: 60 });
  print(`  seed ${labels.toLocaleString("en")} labels with SQL   ${seconds(seedStart)} (context only)`);
}

/**
 * The metrics job's backfill over the rows, once per granularity (the daily one last, so the detectors read
 * its points), then each family's statement alone over the daily windows. Returns the daily backfill in ms.
 */
async function backfillFromRows(db: Database, projectId: string): Promise<number> {
  let dailyMs = 0;
  for (const granularity of ["hour", "day"] as const) {
    await db.updateTable("projects").set({ loop_settings: JSON.stringify({ granularities: [granularity] }) }).where("id", "=", projectId).execute();
    const backfillStart = performance.now();
    const { windowsRecomputed } = await backfillMetrics(db, projectId, { since: LOOP_START });
    dailyMs = performance.now() - backfillStart;
    print(`  backfillMetrics by ${granularity.padEnd(4)}          ${seconds(backfillStart)} (${windowsRecomputed} windows)`);
  }
  const days = Array.from({ length: DAYS }, (_, day) => new Date(LOOP_START.getTime() + day * 86_400_000));
  const windows = toWindowSet(projectId, "day", days)!;
  const { driftMetadataKeys } = await getLoopSettings(db, projectId);
  const families = {
    "gold-labels": (trx: Transaction<DB>) => computeGoldLabelPoints(trx, windows),
    latency: (trx: Transaction<DB>) => computeLatencyPoints(trx, windows),
    annotations: (trx: Transaction<DB>) => computeAnnotationPoints(trx, windows),
    annotators: (trx: Transaction<DB>) => computeAnnotatorPoints(trx, windows),
    agreement: (trx: Transaction<DB>) => computeAgreementPoints(trx, windows),
    inputs: (trx: Transaction<DB>) => computeInputPoints(trx, windows, driftMetadataKeys),
    diversity: (trx: Transaction<DB>) => computeDiversityPoints(trx, windows),
  };
  await db.transaction().execute(async (trx) => {
    await tuneForMetricsPass(trx);
    for (const [family, compute] of Object.entries(families)) {
      const familyStart = performance.now();
      const rows = await compute(trx);
      print(`    family ${family.padEnd(12)} ${seconds(familyStart)} (${rows.length.toLocaleString("en")} points, daily)`);
    }
  });
  return dailyMs;
}

/** The points such a project produces, written directly. */
async function buildPoints(db: Database, projectId: string, queueIds: string[]): Promise<void> {
  const generateStart = performance.now();
  const points = generateSyntheticProject({
    seed: 2026,
    windows: DAYS,
    queues: QUEUES,
    annotatorsPerQueue: 8,
    goldPerWindow: [700, 780],
    annotationsPerGold: 3,
    outputsPerWindow: 5000,
    features: 3,
    holdoutFraction: 0.1,
    collapses: { rubber_stamp: 60, input_drift: 75 },
  });
  const labels = points.filter((point) => point.metric === "annotator.labels").reduce((sum, point) => sum + point.sampleSize, 0);
  const queueIdOf = new Map(queueIds.map((id, index) => [syntheticQueueId(index), id]));
  for (let offset = 0; offset < points.length; offset += 2000) {
    await db
      .insertInto("metric_points")
      .values(
        points.slice(offset, offset + 2000).map((point) => ({
          project_id: projectId,
          queue_id: point.queueId === null ? null : queueIdOf.get(point.queueId)!,
          subject: point.subject,
          metric: point.metric,
          granularity: point.granularity,
          window_start: point.windowStart,
          sample_size: point.sampleSize,
          value: point.value,
          detail: JSON.stringify(point.detail),
        })),
      )
      .execute();
  }
  print(`  generate and store the points of ${labels.toLocaleString("en")} labels   ${seconds(generateStart)} (context only)`);
}

/** A fresh project with the bench's queues and loop settings. */
async function seedProjectAndQueues(db: Database): Promise<{ projectId: string; queueIds: string[] }> {
  await migrateToLatest(db);
  const project = await seedProject(db);
  await db.updateTable("projects").set({ loop_settings: JSON.stringify({ granularities: ["day"] }) }).where("id", "=", project.id).execute();
  const queueIds: string[] = [];
  for (let queue = 0; queue < QUEUES; queue += 1) queueIds.push((await seedQueue(db, { projectId: project.id, overlap: 3 })).id);
  await db
    .updateTable("queues")
    .set({ holdout_fraction: 0.1, decoy_rate: 0.1, suggestion_display: "preselected", approval_values: JSON.stringify({ verdict: ["helpful"] }) })
    .where("project_id", "=", project.id)
    .execute();
  return { projectId: project.id, queueIds };
}

/** The one project an earlier `--keep` run seeded, with its queues in the order they were made. */
async function findSeededProject(db: Database): Promise<{ projectId: string; queueIds: string[] }> {
  const project = await db.selectFrom("projects").select("id").executeTakeFirstOrThrow();
  const queues = await db.selectFrom("queues").select("id").where("project_id", "=", project.id).orderBy("created_at").orderBy("id").execute();
  return { projectId: project.id, queueIds: queues.map((queue) => queue.id) };
}

const serverUrl = process.env.DATABASE_URL;
if (!serverUrl) throw new Error("set DATABASE_URL to a Postgres server, e.g. postgres://postgres@127.0.0.1:5432/postgres");
const scratchName = options.reuse ?? `goldloop_bench_detectors_${randomBytes(4).toString("hex")}`;
if (!/^goldloop_bench_detectors_[0-9a-f]{8}$/.test(scratchName)) throw new Error("--reuse takes a database an earlier --keep run printed");
const keepsDatabase = options.keep || options["seed-only"] || options.reuse !== undefined;
if (!options.reuse) await withAdminClient(serverUrl, (client) => client.query(`create database ${scratchName}`));
const db = createDatabase(withDatabaseName(serverUrl, scratchName));
let hasMiss = false;
try {
  print(`node ${process.version}; ${DAYS} daily windows, ${QUEUES} queues, ${ANNOTATORS} annotators; source: ${options.source}; database ${scratchName}`);
  const { projectId, queueIds } = options.reuse ? await findSeededProject(db) : await seedProjectAndQueues(db);
  if (!options.reuse) await (options.source === "backfill" ? seedRows : buildPoints)(db, projectId, queueIds);
  if (options["seed-only"]) {
    print(`seeded; time it with --reuse ${scratchName}`);
  } else {
    const backfillMs = options.source === "backfill" ? await backfillFromRows(db, projectId) : 0;
    print();
    const context = { granularity: "day" as const, queues: queueIds.map((id) => ({ id, holdoutFraction: 0.1 })) };
    const totals: number[] = [];
    for (let run = 1; run <= runs; run += 1) {
      const readStart = performance.now();
      const points = await readMetricPoints(db, projectId, { granularity: "day" });
      const readMs = performance.now() - readStart;
      const detectStart = performance.now();
      const series = runDetectors(points, context);
      const detectMs = performance.now() - detectStart;
      const total = readMs + detectMs;
      totals.push(total);
      if (total > TARGET_MS) hasMiss = true;
      const firing = [...new Set(series.filter((each) => each.windows.some((window) => window.firing)).map((each) => each.detector))];
      print(
        `run ${run}: readMetricPoints ${readMs.toFixed(0)} ms (${points.length.toLocaleString("en")} points) + runDetectors ${detectMs.toFixed(0)} ms = ${total.toFixed(0)} ms` +
          `  [${series.length} series, ${series.reduce((sum, each) => sum + each.windows.length, 0)} windows; firing: ${firing.join(", ") || "none"}]`,
      );
    }
    totals.sort((a, b) => a - b);
    const median = totals[Math.floor(totals.length / 2)]!;
    print();
    print(`median ${median.toFixed(0)} ms: ${hasMiss ? "MISS" : "PASS"} (target ≤ ${TARGET_MS} ms per pass)`);
    if (backfillMs > 0) print(`daily backfill + detector pass ${((backfillMs + median) / 1000).toFixed(1)} s`);
  }
} finally {
  await db.destroy();
  if (keepsDatabase) print(`kept database ${scratchName}`);
  else await dropDatabaseWhenIdle(serverUrl, scratchName);
}
if (hasMiss) process.exitCode = 1;
