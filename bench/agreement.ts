// Agreement dashboard benchmark: `npm run bench:agreement [-- --items 100000 --annotators 10 --runs 3 --keep --reuse DB]` with
// DATABASE_URL naming a Postgres server (a scratch database is created, migrated and dropped). Seeds one queue of
// `--items` resolved items with overlap 3 from `--annotators` annotators of differing accuracy, a judge's
// suggestion on every output, majority gold, 100 gold checks per annotator, a Dawid–Skene fit's annotator stats
// and 180 daily α points; the rows are generated here and loaded with COPY into staging tables (not timed).
// Then it times `getQueueAgreement` end to end (every query and all the maths, bootstraps included) run by
// run, prints each run, the median and each query alone, and exits 1 when the median misses the 1 s target.
// `--keep` keeps the scratch database and prints its name; `--reuse DB` times against such a database again.
import { randomBytes } from "node:crypto";
import { availableParallelism, loadavg } from "node:os";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { parseArgs } from "node:util";
import { sql } from "kysely";
import pg from "pg";
import { from as copyFrom } from "pg-copy-streams";
import { createDatabase, type Database } from "../db";
import { migrateToLatest } from "../db/migrate";
import { seedMembership, seedProject, seedUser } from "../db/seed/factories";
import { seedQueue } from "../db/seed/loop";
import { dropDatabaseWhenIdle, withAdminClient } from "../db/testing/admin";
import { withDatabaseName } from "../db/testing/names";
import { measureAgreementWithOthers } from "../server/agreement/agreement-with-others-queries";
import { readCountedAnswers, readJudgeGoldPairs } from "../server/agreement/queries";
import { getQueueAgreement } from "../server/agreement/service";
import { listGoldAccuracy } from "../server/gold-items/accuracy-queries";
import { createRandom, type Random } from "../server/quality/random";
import { listAnnotatorReliability } from "../server/truth/reliability-queries";

const TARGET_MS = 1000;
const OVERLAP = 3;
const GOLD_CHECKS_PER_ANNOTATOR = 100;
const CLASSES = ["helpful", "harmful", "off_topic"] as const;
const PRIORS = [0.6, 0.25, 0.15];
const { values: options } = parseArgs({
  options: {
    items: { type: "string", default: "100000" },
    annotators: { type: "string", default: "10" },
    runs: { type: "string", default: "3" },
    keep: { type: "boolean", default: false },
    reuse: { type: "string" },
  },
});
const itemCount = Number(options.items);
const annotatorCount = Number(options.annotators);
const runs = Number(options.runs);
if (!Number.isInteger(itemCount) || itemCount < 1) throw new Error("--items is a positive whole number");
if (!Number.isInteger(annotatorCount) || annotatorCount < OVERLAP) throw new Error(`--annotators is a whole number of at least ${OVERLAP}`);
const print = (line = ""): void => {
  process.stdout.write(`${line}\n`);
};

function drawClass(random: Random): number {
  const draw = random();
  let cumulative = 0;
  for (let index = 0; index < PRIORS.length; index += 1) {
    cumulative += PRIORS[index]!;
    if (draw < cumulative) return index;
  }
  return PRIORS.length - 1;
}

/** The true class with probability `accuracy`, otherwise one of the other classes at random. */
function answer(random: Random, truth: number, accuracy: number): string {
  if (random() < accuracy) return CLASSES[truth]!;
  return CLASSES[(truth + 1 + Math.floor(random() * (CLASSES.length - 1))) % CLASSES.length]!;
}

/** COPY text of items (item, truth, judge's suggestion) and answers (item, annotator, label, is gold check). */
function generateRows(annotatorIds: string[]): { items: string; answers: string } {
  const random = createRandom(2026);
  const accuracies = annotatorIds.map((_, index) => 0.6 + (0.35 * index) / Math.max(1, annotatorIds.length - 1));
  const items: string[] = [];
  const answers: string[] = [];
  const goldCheckItems = annotatorIds.length * GOLD_CHECKS_PER_ANNOTATOR;
  for (let item = 0; item < itemCount + goldCheckItems; item += 1) {
    const truth = drawClass(random);
    items.push(`${item}\t${CLASSES[truth]}\t${answer(random, truth, 0.8)}\n`);
    if (item >= itemCount) {
      const checked = (item - itemCount) % annotatorIds.length;
      answers.push(`${item}\t${annotatorIds[checked]}\t${answer(random, truth, accuracies[checked]!)}\ttrue\n`);
      continue;
    }
    const chosen = new Set<number>();
    while (chosen.size < OVERLAP) chosen.add(Math.floor(random() * annotatorIds.length));
    for (const annotator of chosen) answers.push(`${item}\t${annotatorIds[annotator]}\t${answer(random, truth, accuracies[annotator]!)}\tfalse\n`);
  }
  return { items: items.join(""), answers: answers.join("") };
}

async function copyInto(connectionString: string, statement: string, text: string): Promise<void> {
  const client = new pg.Client({ connectionString });
  await client.connect();
  try {
    await pipeline(Readable.from([text]), client.query(copyFrom(statement)));
  } finally {
    await client.end();
  }
}

async function seedQueueData(db: Database, connectionString: string): Promise<{ projectId: string; queueId: string }> {
  await migrateToLatest(db);
  const project = await seedProject(db);
  const queue = await seedQueue(db, { projectId: project.id, overlap: OVERLAP });
  const annotatorIds: string[] = [];
  for (let index = 0; index < annotatorCount; index += 1) {
    const user = await seedUser(db, { name: `Annotator ${index + 1}` });
    await seedMembership(db, { projectId: project.id, userId: user.id, role: "annotator" });
    annotatorIds.push(user.id);
  }
  const rows = generateRows(annotatorIds);
  await sql`create table bench_items (item int primary key, truth text not null, suggestion text not null)`.execute(db);
  await sql`create table bench_answers (item int not null, annotator_id uuid not null, label text not null, is_gold_check boolean not null)`.execute(db);
  await copyInto(connectionString, "copy bench_items from stdin", rows.items);
  await copyInto(connectionString, "copy bench_answers from stdin", rows.answers);
  // Fresh tables have no statistics; without them the planner picks nested loops over 300k × 100k rows.
  await sql`analyze bench_items, bench_answers`.execute(db);
  const scope = { projectId: project.id, queueId: queue.id };
  await sql`
    insert into outputs (project_id, external_id, input, output, content_hash, produced_at, suggestion)
    select ${scope.projectId}::uuid, 'bench-' || item, '"Can I get a refund?"'::jsonb, to_jsonb('Refunds take 5 days. ' || item), md5(item::text), now() - interval '1 day',
      jsonb_build_object('source', 'gpt-judge', 'values', jsonb_build_object('verdict', suggestion))
    from bench_items
  `.execute(db);
  await sql`
    insert into queue_items (project_id, queue_id, output_id, content_hash, inclusion_probability, state, assigned_count, submitted_count, resolved_at)
    select ${scope.projectId}::uuid, ${scope.queueId}::uuid, o.id, o.content_hash, 1, 'resolved', ${OVERLAP}, ${OVERLAP}, now() - interval '1 hour'
    from outputs o where o.project_id = ${scope.projectId}::uuid
  `.execute(db);
  await sql`alter table bench_items add column queue_item_id bigint, add column output_id bigint`.execute(db);
  await sql`
    update bench_items b set queue_item_id = qi.id, output_id = o.id
    from outputs o join queue_items qi on qi.output_id = o.id
    where o.project_id = ${scope.projectId}::uuid and o.external_id = 'bench-' || b.item
  `.execute(db);
  await sql`create index on bench_items (queue_item_id)`.execute(db);
  await sql`create index on bench_answers (item, annotator_id)`.execute(db);
  await sql`analyze bench_items, bench_answers, outputs, queue_items`.execute(db);
  await sql`
    insert into assignments (project_id, queue_id, queue_item_id, annotator_id, lease_expires_at, state, submitted_at, is_gold_check)
    select ${scope.projectId}::uuid, ${scope.queueId}::uuid, b.queue_item_id, a.annotator_id, now(), 'submitted', now() - interval '2 hours', a.is_gold_check
    from bench_answers a join bench_items b on b.item = a.item
  `.execute(db);
  await sql`analyze assignments`.execute(db);
  await sql`
    insert into annotations (project_id, queue_item_id, assignment_id, annotator_id, values, schema_version, counts_toward_gold, gold_check_correct, time_spent_ms)
    select ${scope.projectId}::uuid, s.queue_item_id, s.id, s.annotator_id, jsonb_build_object('verdict', a.label), 1,
      not a.is_gold_check, case when a.is_gold_check then a.label = b.truth end, 8000
    from assignments s join bench_items b on b.queue_item_id = s.queue_item_id join bench_answers a on a.item = b.item and a.annotator_id = s.annotator_id
  `.execute(db);
  await sql`
    insert into gold_labels (project_id, queue_id, queue_item_id, output_id, values, method, confidence, provenance)
    select ${scope.projectId}::uuid, ${scope.queueId}::uuid, b.queue_item_id, b.output_id, jsonb_build_object('verdict', mode() within group (order by a.label)), 'majority', 0.67, '{}'::jsonb
    from bench_items b join bench_answers a on a.item = b.item
    where not a.is_gold_check
    group by b.queue_item_id, b.output_id
  `.execute(db);
  const fit = await db
    .insertInto("quality_fits")
    .values({
      project_id: scope.projectId, queue_id: scope.queueId, field_key: "verdict", method: "dawid_skene", classes: JSON.stringify(CLASSES), class_priors: JSON.stringify(PRIORS),
      iterations: 20, is_converged: true, log_likelihood: -1, label_count: itemCount * OVERLAP, item_count: itemCount, annotator_count: annotatorCount, clamped_item_count: 0, read_ms: 0, fit_ms: 0, write_ms: 0,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  await db
    .insertInto("annotator_stats")
    .values(annotatorIds.map((annotatorId, index) => ({
      project_id: scope.projectId, queue_id: scope.queueId, field_key: "verdict", annotator_id: annotatorId, fit_id: fit.id,
      confusion: "[]", reliability: 0.6 + (0.35 * index) / Math.max(1, annotatorCount - 1), label_count: Math.round((itemCount * OVERLAP) / annotatorCount),
    })))
    .execute();
  await sql`
    insert into metric_points (project_id, queue_id, subject, metric, granularity, window_start, sample_size, value, detail)
    select ${scope.projectId}::uuid, ${scope.queueId}::uuid, '', 'agreement.alpha', 'day', date_trunc('day', now()) - day * interval '1 day', 550, 0.55 + 0.05 * sin(day / 9.0),
      jsonb_build_object('ci', jsonb_build_array(0.5 + 0.05 * sin(day / 9.0), 0.6 + 0.05 * sin(day / 9.0)), 'labels', 1650)
    from generate_series(1, 179) day
  `.execute(db);
  await sql`drop table bench_answers, bench_items`.execute(db);
  await sql`vacuum analyze`.execute(db);
  return scope;
}

/** The one queue an earlier `--keep` run seeded. */
async function findSeededQueue(db: Database): Promise<{ projectId: string; queueId: string }> {
  const queue = await db.selectFrom("queues").select(["id as queueId", "project_id as projectId"]).executeTakeFirstOrThrow();
  return queue;
}

async function timed<T>(run: () => Promise<T>): Promise<{ ms: number; result: T }> {
  const start = performance.now();
  const result = await run();
  return { ms: performance.now() - start, result };
}

const serverUrl = process.env.DATABASE_URL;
if (!serverUrl) throw new Error("set DATABASE_URL to a Postgres server, e.g. postgres://postgres@127.0.0.1:5432/postgres");
const scratchName = options.reuse ?? `goldloop_bench_agreement_${randomBytes(4).toString("hex")}`;
if (!/^goldloop_bench_agreement_[0-9a-f]{8}$/.test(scratchName)) throw new Error("--reuse takes a database an earlier --keep run printed");
const keepsDatabase = options.keep || options.reuse !== undefined;
if (!options.reuse) await withAdminClient(serverUrl, (client) => client.query(`create database ${scratchName}`));
const scratchUrl = withDatabaseName(serverUrl, scratchName);
const db = createDatabase(scratchUrl);
let isMiss = false;
try {
  print(`node ${process.version}; ${options.reuse ? "reusing" : `${itemCount.toLocaleString("en")} items × overlap ${OVERLAP} from ${annotatorCount} annotators;`} database ${scratchName}`);
  const seedStart = performance.now();
  const scope = options.reuse ? await findSeededQueue(db) : await seedQueueData(db, scratchUrl);
  if (!options.reuse) print(`  seed with COPY + SQL   ${((performance.now() - seedStart) / 1000).toFixed(1)} s (not timed)`);
  const totals: number[] = [];
  for (let run = 1; run <= runs; run += 1) {
    const cpuBefore = process.cpuUsage();
    const { ms, result } = await timed(() => getQueueAgreement(db, scope));
    const cpu = process.cpuUsage(cpuBefore);
    totals.push(ms);
    const field = result.fields[0]!;
    const format = (value: number | null) => (value === null ? "—" : value.toFixed(4));
    print(
      `run ${run}: getQueueAgreement ${ms.toFixed(0)} ms (Node CPU ${((cpu.user + cpu.system) / 1000).toFixed(0)} ms; load ${loadavg()[0]!.toFixed(1)} on ${availableParallelism()} cores)  [α ${format(field.alpha.value)} (${format(field.alpha.lower)}–${format(field.alpha.upper)}), ` +
        `Fleiss κ ${format(field.fleiss.value)} on ${field.fleiss.items.toLocaleString("en")} items × ${field.fleiss.ratersPerItem}, ` +
        `${field.cohen.filter((pair) => pair.value !== null).length} Cohen pairs, ${result.annotators.length} annotators, ` +
        `judge κ ${format(result.judges[0]?.value ?? null)} on ${result.judges[0]?.items ?? 0} items, ${result.alphaOverTime.points.length} α windows; B = ${result.bootstrap.replicates}]`,
    );
  }
  const median = [...totals].sort((a, b) => a - b)[Math.floor(totals.length / 2)]!;
  isMiss = median > TARGET_MS;
  print(`median of ${runs}: ${median.toFixed(0)} ms (target ≤ ${TARGET_MS} ms) ${isMiss ? "MISSED" : "ok"}`);
  print("each query alone (they run concurrently inside getQueueAgreement):");
  const queries: Record<string, () => Promise<unknown>> = {
    readCountedAnswers: () => readCountedAnswers(db, { ...scope, dimensions: [{ key: "verdict", fieldKey: "verdict", part: { kind: "value" } }] }),
    readJudgeGoldPairs: () => readJudgeGoldPairs(db, { ...scope, fieldKeys: ["verdict"] }),
    "measureAgreementWithOthers (annotator pages; the dashboard counts it in memory)": () => measureAgreementWithOthers(db, scope),
    listAnnotatorReliability: () => listAnnotatorReliability(db, scope),
    listGoldAccuracy: () => listGoldAccuracy(db, scope),
  };
  for (const [name, query] of Object.entries(queries)) print(`  ${name.padEnd(64)} ${(await timed(query)).ms.toFixed(0)} ms`);
} finally {
  await db.destroy();
  if (keepsDatabase) print(`kept database ${scratchName}; time it again with --reuse ${scratchName}`);
  else await dropDatabaseWhenIdle(serverUrl, scratchName);
}
process.exit(isMiss ? 1 : 0);
