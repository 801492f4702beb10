// Outputs browser benchmark: `npm run bench:outputs [-- --outputs 1000000 --repeats 5 --keep]` with
// DATABASE_URL naming a Postgres server (a scratch database is created, migrated and dropped; --keep leaves
// it for EXPLAIN). Loads `outputs` production-like outputs into one project with generate_series (models,
// tags, metadata, consent, threads, end users, chat input with real words, signals), then times one page
// (50 rows) of the outputs page as the app asks for it (server/outputs/service.ts listOutputs): the first
// page, a page half a million rows deep by cursor, each filter alone (common and rare values, and a value
// that matches nothing), full-text searches, and a combination. Prints the median and slowest ms per page
// and exits 1 when a median passes the 300 ms target. Also prints what the browse indexes cost ingest:
// the same 20,000 new outputs inserted with and without them.
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
import { encodeOutputsCursor } from "../server/outputs/cursor";
import type { ListOutputsInput } from "../server/outputs/schema";
import { listOutputs } from "../server/outputs/service";

const TARGET_MS = 300;
const PAGE = 50;
const INGEST_SAMPLE = 20_000;
/** The indexes the browser added (outputs_project_page_idx replaced an index of the same cost). */
const BROWSE_INDEXES = ["outputs_search_idx", "outputs_model_idx", "outputs_tags_idx", "outputs_metadata_idx", "outputs_end_user_idx"];

const { values: options } = parseArgs({ options: { outputs: { type: "string", default: "1000000" }, repeats: { type: "string", default: "5" }, keep: { type: "boolean", default: false } } });
const outputCount = Number(options.outputs);
const repeats = Number(options.repeats);
const print = (line = ""): void => {
  process.stdout.write(`${line}\n`);
};

const serverUrl = process.env.DATABASE_URL;
if (!serverUrl) throw new Error("set DATABASE_URL to a Postgres server, e.g. postgres://postgres@127.0.0.1:5432/postgres");
const scratchName = `goldloop_bench_outputs_${randomBytes(4).toString("hex")}`;

const VOCABULARY =
  "account address app balance bank basket bill billing bonus box brand card cart charge checkout city code color confirm contact coupon courier credit customer date day delay delivery deposit device discount door email error exchange fee form gift help home invoice item label language late link login mail member message mobile money month name number offer online order package page parcel password payment phone photo plan point price product profile promo purchase receipt reply return review route sale screen security service settings shipment shop size status store subscription support tax team ticket time total track transfer update upgrade user voucher wallet warehouse website week weight".split(" ");
const TOPICS = [
  "Where is my refund for order",
  "My parcel has not arrived yet",
  "How do I reset my password",
  "Please cancel my subscription",
  "The app crashes when I open",
  "Can I change my delivery address",
  "I was charged twice for",
  "Do you ship to my country",
  "My discount code does not work",
  "How do I export my data",
];

/** Rows `first..last` of the synthetic production, as a SELECT over generate_series, in the order of OUTPUT_COLUMNS. */
function syntheticOutputs(projectId: string, first: number, last: number) {
  return sql`
    select ${projectId}::uuid as project_id, 'bench-' || g as external_id,
      case when g % 100 < 60 then 'support-bot-v2' when g % 100 < 90 then 'support-bot-v3' when g % 100 < 99 then 'summarizer' else 'canary' end as model,
      case when g % 1000 = 0 then array['billing', 'escalated'] when g % 50 = 0 then array['billing', 'vip'] when g % 10 < 3 then array['billing']
        when g % 10 < 6 then array['shipping'] else array['account'] end as tags,
      jsonb_build_object('channel', (array['web', 'app', 'email'])[(1 + g % 3)::int], 'locale', (array['en', 'de', 'fr', 'es'])[(1 + (g / 3) % 4)::int],
        'customer', 'c' || (g % 50000), 'attempt', 1 + g % 3) as metadata,
      g % 33 <> 0 as consent,
      case when g % 2 = 0 then 'sess-' || (g / 8) end as session_id,
      'user-' || (g % 100000) as end_user_id,
      jsonb_build_array(
        jsonb_build_object('role', 'system', 'content', 'You are the support assistant of an online shop. Answer briefly and kindly.'),
        jsonb_build_object('role', 'user', 'content', (${TOPICS}::text[])[(1 + g % 10)::int] || case when g % 2000 = 0 then ' chargeback' else '' end || ' '
          || array_to_string((${VOCABULARY}::text[])[(1 + (g * 7919) % ${VOCABULARY.length - 8})::int:(8 + (g * 7919) % ${VOCABULARY.length - 8})::int], ' '))) as input,
      to_jsonb('Thanks for reaching out. ' || array_to_string((${VOCABULARY}::text[])[(1 + (g * 104729) % ${VOCABULARY.length - 30})::int:(30 + (g * 104729) % ${VOCABULARY.length - 30})::int], ' ')) as output,
      md5(g::text) as content_hash,
      now() - make_interval(secs => g * 7.776 + (g % 97)) as produced_at
    from generate_series(${first}::bigint, ${last}::bigint) g`;
}
const OUTPUT_COLUMNS = sql`(project_id, external_id, model, tags, metadata, consent, session_id, end_user_id, input, output, content_hash, produced_at)`;

/** Loads the outputs with the browse indexes dropped and rebuilds them after, as a bulk load would; returns the build times. */
async function loadOutputs(db: Kysely<DB>, projectId: string) {
  const { rows: definitions } = await sql<{ name: string; definition: string }>`
    select indexname as name, indexdef as definition from pg_indexes where tablename = 'outputs' and indexname = any(${BROWSE_INDEXES})`.execute(db);
  for (const { name } of definitions) await sql`drop index ${sql.id(name)}`.execute(db);
  const batch = 100_000;
  for (let first = 1; first <= outputCount; first += batch) {
    await sql`insert into outputs ${OUTPUT_COLUMNS} ${syntheticOutputs(projectId, first, Math.min(outputCount, first + batch - 1))}`.execute(db);
  }
  await sql`
    insert into signals (project_id, output_id, kind, value, occurred_at)
    select project_id, id, case when id % 20 = 0 then 'thumbs_down' when id % 10 = 1 then 'thumbs_up' else 'score' end,
      case when id % 20 <> 0 and id % 10 <> 1 then (id % 5) / 4.0 end, produced_at + interval '1 minute'
    from outputs where project_id = ${projectId}::uuid and (id % 20 = 0 or id % 10 = 1 or id % 50 = 7)`.execute(db);
  const builds: string[] = [];
  for (const { name, definition } of definitions) {
    const start = performance.now();
    await sql.raw(definition).execute(db);
    builds.push(`${name} ${((performance.now() - start) / 1000).toFixed(1)} s`);
  }
  await sql`vacuum analyze`.execute(db);
  return builds;
}

/** The newest-first position half-way down, as a client that paged there would hold it. */
async function deepCursor(db: Kysely<DB>, projectId: string): Promise<string> {
  const { rows } = await sql<{ producedAt: string; id: number }>`
    select to_char(produced_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') as "producedAt", id from outputs
    where project_id = ${projectId}::uuid order by produced_at desc, id desc offset ${Math.floor(outputCount / 2)} limit 1`.execute(db);
  return encodeOutputsCursor({ producedAt: rows[0]!.producedAt, id: Number(rows[0]!.id) });
}

/** Milliseconds to insert the same new outputs with and without the browse indexes (merge of the search index's pending list included), best of three each, rolled back every time. */
async function measureIngestCost(db: Kysely<DB>, projectId: string) {
  await sql`create unlogged table bench_new_outputs as ${syntheticOutputs(projectId, outputCount + 1, outputCount + INGEST_SAMPLE)}`.execute(db);
  const timeInsert = (withoutBrowseIndexes: boolean) =>
    db
      .transaction()
      .execute(async (trx) => {
        if (withoutBrowseIndexes) for (const name of BROWSE_INDEXES) await sql`drop index ${sql.id(name)}`.execute(trx);
        const start = performance.now();
        await sql`insert into outputs ${OUTPUT_COLUMNS} select * from bench_new_outputs`.execute(trx);
        // The search index's pending entries are merged later, by a later insert or autovacuum: counted here, as ingest pays it in the end.
        if (!withoutBrowseIndexes) await sql`select gin_clean_pending_list('outputs_search_idx')`.execute(trx);
        const ms = performance.now() - start;
        throw Object.assign(new Error("rolled back on purpose"), { ms });
      })
      .catch((error: { ms?: number }) => {
        if (error.ms === undefined) throw error;
        return error.ms;
      });
  const best = { with: Infinity, without: Infinity };
  for (let round = 0; round < 3; round += 1) {
    best.without = Math.min(best.without, await timeInsert(true));
    best.with = Math.min(best.with, await timeInsert(false));
  }
  return best;
}

type Case = { name: string; input: Omit<ListOutputsInput, "limit"> };

function cases(cursor: string): Case[] {
  const day = (daysAgo: number) => new Date(Date.now() - daysAgo * 86_400_000).toISOString();
  return [
    { name: "first page", input: {} },
    { name: `deep page (cursor ${Math.floor(outputCount / 2).toLocaleString("en")} rows down)`, input: { cursor } },
    { name: "model, 30 %", input: { model: "support-bot-v3" } },
    { name: "model, 1 %", input: { model: "canary" } },
    { name: "model, none match", input: { model: "no-such-model" } },
    { name: "tag, 30 %", input: { tags: ["shipping"] } },
    { name: "tag, 0.1 %", input: { tags: ["escalated"] } },
    { name: "two tags", input: { tags: ["billing", "vip"] } },
    { name: "metadata, 33 %", input: { metadata: ["channel=web"] } },
    { name: "metadata, 20 rows", input: { metadata: ["customer=c4242"] } },
    { name: "metadata, number", input: { metadata: ["attempt=3"] } },
    { name: "signal thumbs_down, 5 %", input: { signal: "thumbs_down" } },
    { name: "last 7 days", input: { from: day(7) } },
    { name: "one day, 60 days ago", input: { from: day(61), to: day(60) } },
    { name: "consent false, 3 %", input: { consent: false } },
    { name: "session (4 turns)", input: { sessionId: "sess-12345" } },
    { name: "end user (10 outputs)", input: { endUserId: "user-4242" } },
    { name: "search, common word", input: { q: "refund" } },
    { name: "search, rare word", input: { q: "chargeback" } },
    { name: "search, two words", input: { q: "parcel courier" } },
    { name: "search, phrase", input: { q: '"reset my password"' } },
    { name: "search, no match", input: { q: "xylophone" } },
    { name: "search + model + tag", input: { q: "refund", model: "support-bot-v2", tags: ["billing"] } },
    { name: "search + consent + dates", input: { q: "address", consent: true, from: day(30) } },
  ];
}

await withAdminClient(serverUrl, (client) => client.query(`create database ${scratchName}`));
const pool = new pg.Pool({ connectionString: withDatabaseName(serverUrl, scratchName), max: 4, application_name: "goldloop-bench", Client: PreparingClient });
const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
let isOverTarget = false;
try {
  await migrateToLatest(db);
  const project = await seedProject(db);
  const loadStart = performance.now();
  const builds = await loadOutputs(db, project.id);
  print(`node ${process.version}; ${outputCount.toLocaleString("en")} outputs in one project, ${PAGE} per page, ${repeats} runs per query`);
  print(`  load ${((performance.now() - loadStart) / 1000).toFixed(1)} s; index builds: ${builds.join(", ")}`);
  const cursor = await deepCursor(db, project.id);

  print();
  print(`| query | rows | median ms | slowest ms |`);
  print(`|---|---:|---:|---:|`);
  for (const { name, input } of cases(cursor)) {
    const times: number[] = [];
    let rows = 0;
    // One unmeasured run first: the page is read from a warm cache, as a user paging through it would.
    for (let run = 0; run <= repeats; run += 1) {
      const start = performance.now();
      const page = await listOutputs(db, project.id, { ...input, limit: PAGE }, { withContent: false });
      if (run > 0) times.push(performance.now() - start);
      rows = page.outputs.length;
    }
    times.sort((a, b) => a - b);
    const median = times[Math.floor(times.length / 2)]!;
    isOverTarget ||= median > TARGET_MS;
    print(`| ${name} | ${rows} | ${median.toFixed(1)} | ${times[times.length - 1]!.toFixed(1)} |`);
  }

  const ingest = await measureIngestCost(db, project.id);
  print();
  print(
    `ingest cost of the browse indexes: ${INGEST_SAMPLE.toLocaleString("en")} new outputs in ${ingest.with.toFixed(0)} ms with them, ` +
      `${ingest.without.toFixed(0)} ms without (+${((ingest.with / ingest.without - 1) * 100).toFixed(0)} %)`,
  );
  print(isOverTarget ? `FAIL: a page took more than ${TARGET_MS} ms (median)` : `ok: every page within ${TARGET_MS} ms (median)`);
} finally {
  await db.destroy();
  if (options.keep) print(`kept database ${scratchName}`);
  else await dropDatabaseWhenIdle(serverUrl, scratchName);
}
process.exitCode = isOverTarget ? 1 : 0;
