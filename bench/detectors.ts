// Detector benchmark: `npm run bench:detectors [-- --runs 3]` with DATABASE_URL naming a Postgres server (a scratch
// database is created, migrated and dropped). Builds the metric points a project with about 1M labels over 90 daily
// windows produces (5 queues with a 10% holdout slice, 8 annotators per queue, ~740 gold labels per queue and day,
// 3 annotations per gold label, 5,000 outputs a day with 3 input features; a rubber-stamper from day 60 and input
// drift from day 75), stores them in metric_points, then run by run times the read of every daily point (the SQL
// of readMetricPoints) and a full pass of every detector. Exits 1 when a pass misses the 5 s target.
import { randomBytes } from "node:crypto";
import { parseArgs } from "node:util";
import { createDatabase } from "../db";
import { migrateToLatest } from "../db/migrate";
import { seedProject } from "../db/seed/factories";
import { seedQueue } from "../db/seed/loop";
import { dropDatabaseWhenIdle, withAdminClient } from "../db/testing/admin";
import { withDatabaseName } from "../db/testing/names";
import { runDetectors } from "../server/alerts/detectors";
import { generateSyntheticProject, syntheticQueueId } from "../server/alerts/detectors/testing/synthetic-project";
import type { MetricName, MetricPoint } from "../server/metrics/catalog";

const TARGET_MS = 5000;
const QUEUES = 5;
const WINDOWS = 90;
const { values: options } = parseArgs({ options: { runs: { type: "string", default: "3" } } });
const runs = Number(options.runs);
const print = (line = ""): void => {
  process.stdout.write(`${line}\n`);
};

const serverUrl = process.env.DATABASE_URL;
if (!serverUrl) throw new Error("set DATABASE_URL to a Postgres server, e.g. postgres://postgres@127.0.0.1:5432/postgres");
const scratchName = `goldloop_bench_detectors_${randomBytes(4).toString("hex")}`;
await withAdminClient(serverUrl, (client) => client.query(`create database ${scratchName}`));
const db = createDatabase(withDatabaseName(serverUrl, scratchName));
let hasMiss = false;
try {
  await migrateToLatest(db);
  const project = await seedProject(db);
  const queues = [];
  for (let queue = 0; queue < QUEUES; queue += 1) queues.push(await seedQueue(db, { projectId: project.id, overlap: 3 }));
  await db.updateTable("queues").set({ holdout_fraction: 0.1 }).where("project_id", "=", project.id).execute();
  const queueIds = new Map(queues.map((queue, index) => [syntheticQueueId(index), queue.id]));

  const generationStart = performance.now();
  const generated = generateSyntheticProject({
    seed: 2026,
    windows: WINDOWS,
    queues: QUEUES,
    annotatorsPerQueue: 8,
    goldPerWindow: [700, 780],
    annotationsPerGold: 3,
    outputsPerWindow: 5000,
    features: 3,
    holdoutFraction: 0.1,
    collapses: { rubber_stamp: 60, input_drift: 75 },
  });
  const labels = generated.filter((point) => point.metric === "annotator.labels").reduce((sum, point) => sum + point.sampleSize, 0);
  print(`node ${process.version}; ${labels.toLocaleString("en")} labels, ${WINDOWS} daily windows, ${generated.length.toLocaleString("en")} metric points`);
  print(`  generate points      ${(performance.now() - generationStart).toFixed(0)} ms (context only)`);

  const insertStart = performance.now();
  for (let start = 0; start < generated.length; start += 2000) {
    await db
      .insertInto("metric_points")
      .values(
        generated.slice(start, start + 2000).map((point) => ({
          project_id: project.id,
          queue_id: point.queueId === null ? null : queueIds.get(point.queueId)!,
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
  print(`  store points         ${(performance.now() - insertStart).toFixed(0)} ms (context only)`);
  print();

  const context = { granularity: "day" as const, queues: queues.map((queue) => ({ id: queue.id, holdoutFraction: 0.1 })) };
  const totals: number[] = [];
  for (let run = 1; run <= runs; run += 1) {
    const readStart = performance.now();
    const rows = await db
      .selectFrom("metric_points")
      .select(["queue_id", "subject", "metric", "granularity", "window_start", "sample_size", "value", "detail"])
      .where("project_id", "=", project.id)
      .where("granularity", "=", "day")
      .orderBy("window_start")
      .execute();
    const points: MetricPoint[] = rows.map((row) => ({
      queueId: row.queue_id,
      subject: row.subject,
      metric: row.metric as MetricName,
      granularity: "day",
      windowStart: row.window_start,
      sampleSize: row.sample_size,
      value: row.value,
      detail: row.detail as Record<string, unknown>,
    }));
    const readMs = performance.now() - readStart;
    const detectStart = performance.now();
    const series = runDetectors(points, context);
    const detectMs = performance.now() - detectStart;
    const firing = series.filter((each) => each.windows.some((window) => window.firing));
    const total = readMs + detectMs;
    totals.push(total);
    if (total > TARGET_MS) hasMiss = true;
    print(
      `run ${run}: read ${readMs.toFixed(0)} ms + detectors ${detectMs.toFixed(0)} ms = ${total.toFixed(0)} ms  ` +
        `(${series.length} series, ${series.reduce((sum, each) => sum + each.windows.length, 0)} windows; firing: ${[...new Set(firing.map((each) => each.detector))].join(", ")})`,
    );
  }
  totals.sort((a, b) => a - b);
  print();
  print(`median ${totals[Math.floor(totals.length / 2)]!.toFixed(0)} ms: ${hasMiss ? "MISS" : "PASS"} (target ≤ ${TARGET_MS} ms per pass)`);
} finally {
  await db.destroy();
  await dropDatabaseWhenIdle(serverUrl, scratchName);
}
if (hasMiss) process.exitCode = 1;
