// Refit benchmark: `npm run bench:refit [-- --runs 3 --items 200000 --annotators 5 --keep --reuse DB]` with DATABASE_URL naming a
// Postgres server (a scratch database is created, migrated and dropped). Seeds, untimed, one queue with 200k items
// answered by all 5 annotators (1M labels) over 3 classes with priors 0.6 / 0.3 / 0.1; each annotator has an
// accuracy of its own and errs towards the classes next to the truth, so the confusion matrices differ by row. The
// labels go in with COPY into a staging table and two set-based inserts (assignments, annotations). Then it times
// `refitQueue` end to end, run by run, printing the read / fit / write split, and exits 1 when the median misses 3 s.
// `--keep` keeps the scratch database and prints its name; `--reuse DB` times against such a database without seeding.
import { randomBytes } from "node:crypto";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { parseArgs } from "node:util";
import { sql } from "kysely";
import pg from "pg";
import { from as copyFrom } from "pg-copy-streams";
import { createDatabase, type Database } from "../db";
import { migrateToLatest } from "../db/migrate";
import { seedProject, seedUser } from "../db/seed/factories";
import { seedQueue, VERDICT_LABEL_SCHEMA } from "../db/seed/loop";
import { primaryChoiceField } from "../server/queues/schema";
import { dropDatabaseWhenIdle, withAdminClient } from "../db/testing/admin";
import { withDatabaseName } from "../db/testing/names";
import { createRandom } from "../server/quality/random";
import { refitQueue } from "../server/truth/refit-service";

const TARGET_MS = 3000;
const CLASSES = primaryChoiceField(VERDICT_LABEL_SCHEMA)!.options.map((option) => option.value);
const PRIORS = [0.6, 0.3, 0.1];
const ACCURACIES = [0.92, 0.85, 0.8, 0.72, 0.6, 0.88, 0.75, 0.65];
const { values: options } = parseArgs({
  options: {
    runs: { type: "string", default: "3" },
    items: { type: "string", default: "200000" },
    annotators: { type: "string", default: "5" },
    keep: { type: "boolean", default: false },
    reuse: { type: "string" },
  },
});
const runs = Number(options.runs);
const itemCount = Number(options.items);
const annotatorCount = Number(options.annotators);
if (!(runs >= 1 && itemCount >= 1 && annotatorCount >= 2 && annotatorCount <= ACCURACIES.length)) throw new Error(`--runs ≥ 1, --items ≥ 1, --annotators 2–${ACCURACIES.length}`);
const print = (line = ""): void => void process.stdout.write(`${line}\n`);
const seconds = (since: number) => `${((performance.now() - since) / 1000).toFixed(1)} s`;

/** Draws a class from cumulative weights. */
function drawClass(random: () => number, weights: number[]): number {
  let left = random();
  for (let index = 0; index < weights.length - 1; index += 1) {
    left -= weights[index]!;
    if (left < 0) return index;
  }
  return weights.length - 1;
}

/** An annotator's answer distribution given the truth: right with its accuracy, wrong mostly on the next class. */
function answerWeights(accuracy: number, truth: number): number[] {
  const wrong = 1 - accuracy;
  return CLASSES.map((_, given) => (given === truth ? accuracy : given === (truth + 1) % CLASSES.length ? wrong * 0.75 : wrong * 0.25));
}

async function seed(db: Database, connectionString: string): Promise<{ projectId: string; queueId: string }> {
  await migrateToLatest(db);
  const project = await seedProject(db);
  const queue = await seedQueue(db, { projectId: project.id, overlap: annotatorCount });
  const annotators = [];
  for (let index = 0; index < annotatorCount; index += 1) annotators.push(await seedUser(db, { name: `Annotator ${index + 1}` }));
  await sql`
    insert into outputs (project_id, external_id, input, output, content_hash, produced_at)
    select ${project.id}::uuid, 'refit-' || g, to_jsonb('question ' || g), to_jsonb('answer ' || g), md5('refit-' || g), now()
    from generate_series(1, ${itemCount}::int) g
  `.execute(db);
  await sql`
    insert into queue_items (project_id, queue_id, output_id, content_hash, inclusion_probability, state, submitted_count, assigned_count, resolved_at)
    select project_id, ${queue.id}::uuid, id, content_hash, 1, 'resolved', ${annotatorCount}::int, ${annotatorCount}::int, now()
    from outputs where project_id = ${project.id}::uuid order by id
  `.execute(db);
  const itemIds = (await db.selectFrom("queue_items").select("id").where("queue_id", "=", queue.id).orderBy("id").execute()).map((row) => row.id);

  const random = createRandom(11);
  const lines: string[] = [];
  for (const itemId of itemIds) {
    const truth = drawClass(random, PRIORS);
    annotators.forEach((annotator, index) => lines.push(`${itemId}\t${annotator.id}\t${CLASSES[drawClass(random, answerWeights(ACCURACIES[index]!, truth))]}\n`));
  }
  const client = new pg.Client({ connectionString });
  await client.connect();
  try {
    await client.query("create unlogged table bench_labels (queue_item_id bigint, annotator_id uuid, label text)");
    const chunks = function* () {
      for (let start = 0; start < lines.length; start += 50_000) yield lines.slice(start, start + 50_000).join("");
    };
    await pipeline(Readable.from(chunks()), client.query(copyFrom("copy bench_labels from stdin")));
  } finally {
    await client.end();
  }
  await sql`
    insert into assignments (project_id, queue_id, queue_item_id, annotator_id, state, lease_expires_at, submitted_at)
    select ${project.id}::uuid, ${queue.id}::uuid, queue_item_id, annotator_id, 'submitted', now(), now() from bench_labels
  `.execute(db);
  await sql`
    insert into annotations (project_id, queue_item_id, annotator_id, assignment_id, schema_version, values)
    select ${project.id}::uuid, l.queue_item_id, l.annotator_id, a.id, 1, jsonb_build_object('verdict', l.label)
    from bench_labels l join assignments a on a.queue_item_id = l.queue_item_id and a.annotator_id = l.annotator_id
  `.execute(db);
  await sql`drop table bench_labels`.execute(db);
  await sql`vacuum analyze annotations`.execute(db);
  await sql`vacuum analyze queue_items`.execute(db);
  return { projectId: project.id, queueId: queue.id };
}

/** The one queue an earlier `--keep` run seeded. */
async function findSeededQueue(db: Database): Promise<{ projectId: string; queueId: string }> {
  const queue = await db.selectFrom("queues").select(["id", "project_id"]).executeTakeFirstOrThrow();
  return { projectId: queue.project_id, queueId: queue.id };
}

const serverUrl = process.env.DATABASE_URL;
if (!serverUrl) throw new Error("set DATABASE_URL to a Postgres server, e.g. postgres://postgres@127.0.0.1:5432/postgres");
const scratchName = options.reuse ?? `goldloop_bench_refit_${randomBytes(4).toString("hex")}`;
if (!/^goldloop_bench_refit_[0-9a-f]{8}$/.test(scratchName)) throw new Error("--reuse takes a database an earlier --keep run printed");
const keepsDatabase = options.keep || options.reuse !== undefined;
if (!options.reuse) await withAdminClient(serverUrl, (client) => client.query(`create database ${scratchName}`));
const scratchUrl = withDatabaseName(serverUrl, scratchName);
const db = createDatabase(scratchUrl);
let median = Number.POSITIVE_INFINITY;
try {
  print(`node ${process.version}; ${itemCount.toLocaleString("en")} items × ${annotatorCount} annotators = ${(itemCount * annotatorCount).toLocaleString("en")} labels, ${CLASSES.length} classes; database ${scratchName}`);
  const seedStart = performance.now();
  const { projectId, queueId } = options.reuse ? await findSeededQueue(db) : await seed(db, scratchUrl);
  if (!options.reuse) print(`seeded in ${seconds(seedStart)} (not timed)`);
  const totals: number[] = [];
  for (let run = 1; run <= runs; run += 1) {
    const started = performance.now();
    const outcome = await refitQueue(db, { projectId, queueId });
    const total = performance.now() - started;
    totals.push(total);
    const field = outcome.fields[0]!;
    print(
      `run ${run}: read ${field.readMs.toFixed(0)} ms + fit ${field.fitMs.toFixed(0)} ms + write ${field.writeMs.toFixed(0)} ms; total ${total.toFixed(0)} ms` +
        `  [${field.method}, ${field.labelCount.toLocaleString("en")} labels, ${field.itemCount.toLocaleString("en")} items]`,
    );
  }
  totals.sort((a, b) => a - b);
  median = totals[Math.floor(totals.length / 2)]!;
  print();
  print(`median total ${median.toFixed(0)} ms: ${median <= TARGET_MS ? "PASS" : "MISS"} (target ≤ ${TARGET_MS} ms)`);
} finally {
  await db.destroy();
  if (keepsDatabase) print(`kept database ${scratchName}`);
  else await dropDatabaseWhenIdle(serverUrl, scratchName);
}
if (median > TARGET_MS) process.exitCode = 1;
