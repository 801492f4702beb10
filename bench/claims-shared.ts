// What bench/claims.ts and bench/claims-http.ts share: the queue both claim from (seeded set-based, so a
// million items take seconds rather than minutes), the raw SKIP LOCKED baseline on a copy of its items, the
// timed side-by-side rounds, the figures, and the over-assignment check.
import { sql, type Kysely } from "kysely";
import type pg from "pg";
import { seedProject } from "../db/seed/factories";
import { seedQueue } from "../db/seed/loop";
import type { DB } from "../db/types";

export const OVERLAP = 3;
export const TARGET_RATIO = 0.9;
export const RAW_SIDE = "raw SKIP LOCKED";

export const print = (line = ""): void => void process.stdout.write(`${line}\n`);
export const percentile = (values: number[], share: number) => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor(values.length * share))]!;

export type ClaimQueue = { projectId: string; queueId: string; annotatorIds: string[] };

/**
 * A queue of overlap 3 with `itemCount` items, `annotatorCount` annotators who are members of its project, and
 * the baseline's copy of the items (`bench_items`: same rows, same indexes).
 */
export async function seedClaimQueue(db: Kysely<DB>, counts: { itemCount: number; annotatorCount: number }): Promise<ClaimQueue> {
  const project = await seedProject(db);
  const queue = await seedQueue(db, { projectId: project.id, overlap: OVERLAP });
  await sql`
    insert into outputs (project_id, external_id, input, output, content_hash, produced_at)
    select ${project.id}::uuid, 'bench-' || g, '"How do refunds work?"'::jsonb, to_jsonb('Refunds take 5 days. ' || g), md5(g::text), now()
    from generate_series(1, ${counts.itemCount}::int) g
  `.execute(db);
  await sql`
    insert into queue_items (project_id, queue_id, output_id, content_hash, inclusion_probability)
    select project_id, ${queue.id}::uuid, id, content_hash, 1 from outputs where project_id = ${project.id}::uuid order by id
  `.execute(db);
  await sql`create table bench_items (like queue_items including all)`.execute(db);
  await sql`insert into bench_items overriding system value select * from queue_items`.execute(db);
  const { rows } = await sql<{ id: string }>`
    with annotators as (
      insert into users (email, name) select 'annotator-' || g || '@bench.test', 'Annotator ' || g from generate_series(1, ${counts.annotatorCount}::int) g returning id
    ), members as (
      insert into memberships (project_id, user_id, role) select ${project.id}::uuid, id, 'annotator' from annotators
    )
    select id from annotators order by id
  `.execute(db);
  await sql`vacuum analyze`.execute(db);
  return { projectId: project.id, queueId: queue.id, annotatorIds: rows.map((row) => row.id) };
}

const RAW_CLAIM_SQL = `
  update bench_items set assigned_count = assigned_count + 1, state = 'in_review'
  where id = (
    select id from bench_items
    where project_id = $1 and queue_id = $2 and state in ('pending', 'in_review') and assigned_count < ${OVERLAP}
    order by priority desc, id limit 1 for update skip locked
  )
  returning id`;

/** The textbook one-statement claim on the copy of the items; it writes no assignment. */
export async function claimRaw(pool: pg.Pool, queue: ClaimQueue): Promise<number | null> {
  return (await pool.query<{ id: number }>(RAW_CLAIM_SQL, [queue.projectId, queue.queueId])).rows[0]?.id ?? null;
}

/** Marks one answer in with a cheap update, so a finished item leaves the open set as in real use. */
export function finishItem(pool: pg.Pool, table: "queue_items" | "bench_items", projectId: string, itemId: number) {
  return pool.query(
    `update ${table} set submitted_count = submitted_count + 1, state = case when submitted_count + 1 >= ${OVERLAP} then 'resolved' else state end
     where id = $1 and project_id = $2`,
    [itemId, projectId],
  );
}

/** A way to claim: `claim` is what is timed; `finish` answers what it claimed. */
export type Side = { name: string; claim: (worker: number) => Promise<number | null>; finish: (worker: number, claimed: number) => Promise<unknown> };
/** `failures`: claims or answers that threw; the worker carries on, and the first message is kept for the report. */
export type Tally = { claims: number; ms: number; latencies: number[]; finishLatencies: number[]; failures: number; firstFailure?: string };
const newTally = (): Tally => ({ claims: 0, ms: 0, latencies: [], finishLatencies: [], failures: 0 });

/** Every worker claims and finishes in a loop for `seconds`; records claims, their latencies and failures. */
async function runRound(side: Side, workers: number, seconds: number, tally: Tally): Promise<void> {
  const start = performance.now();
  const deadline = start + seconds * 1000;
  const noteFailure = (error: unknown) => {
    tally.failures += 1;
    tally.firstFailure ??= error instanceof Error ? error.message : String(error);
  };
  await Promise.all(
    Array.from({ length: workers }, async (_, worker) => {
      while (performance.now() < deadline) {
        const claimStart = performance.now();
        const claimed = await side.claim(worker).catch(noteFailure);
        if (claimed === undefined) continue;
        tally.latencies.push(performance.now() - claimStart);
        if (claimed === null) throw new Error(`${side.name}: the queue ran dry; use more --items or fewer --seconds`);
        tally.claims += 1;
        const finishStart = performance.now();
        await side.finish(worker, claimed).then(() => tally.finishLatencies.push(performance.now() - finishStart), noteFailure);
      }
    }),
  );
  tally.ms += performance.now() - start;
}

/**
 * One untimed second per side (connections prepare their statements, caches fill), then `rounds` rounds
 * of every side in turn, the order rotating so no side always runs first, on a warmer or quieter machine.
 */
export async function runSideBySide(sides: Side[], options: { workers: number; seconds: number; rounds: number }): Promise<Map<string, Tally>> {
  for (const side of sides) await runRound(side, options.workers, 1, newTally());
  const tallies = new Map(sides.map((side) => [side.name, newTally()]));
  for (let round = 0; round < options.rounds; round += 1) {
    for (const side of sides.map((_, index) => sides[(index + round) % sides.length]!)) await runRound(side, options.workers, options.seconds, tallies.get(side.name)!);
  }
  return tallies;
}

/** Prints each side's claims/s, claim p50 and p99, answer p50 and p99, failures, and its ratio to the raw side (which must come first); returns the rates. */
export function printTallies(tallies: Map<string, Tally>): Map<string, number> {
  const rates = new Map<string, number>();
  for (const [name, tally] of tallies) {
    const rate = (tally.claims / tally.ms) * 1000;
    rates.set(name, rate);
    const ratio = name === RAW_SIDE ? "" : `   ratio ${(rate / rates.get(RAW_SIDE)!).toFixed(2)}`;
    print(
      `  ${name.padEnd(20)} ${rate.toFixed(0).padStart(6)} claims/s   p50 ${percentile(tally.latencies, 0.5).toFixed(1).padStart(5)} ms   ` +
        `p99 ${percentile(tally.latencies, 0.99).toFixed(1).padStart(5)} ms   (${tally.claims.toLocaleString("en")} claims)${ratio}`,
    );
    print(`  ${"".padEnd(20)} answering p50 ${percentile(tally.finishLatencies, 0.5).toFixed(1)} ms, p99 ${percentile(tally.finishLatencies, 0.99).toFixed(1)} ms`);
    if (tally.failures > 0) print(`  ${"".padEnd(20)} ${tally.failures} failed calls, the first: ${tally.firstFailure}`);
  }
  return rates;
}

/** True when any side had a call fail: its figures then describe a partly broken run. */
export const hasFailures = (tallies: Map<string, Tally>) => [...tallies.values()].some((tally) => tally.failures > 0);

/** Prints the app's ratio to raw against the design target; true when it meets it. */
export function printRatio(appSide: string, rates: Map<string, number>): boolean {
  const ratio = rates.get(appSide)! / rates.get(RAW_SIDE)!;
  const isMet = ratio >= TARGET_RATIO;
  print(`  ${appSide} / raw ${ratio.toFixed(2)}  ${isMet ? "PASS" : "MISS"} (target ≥ ${TARGET_RATIO})`);
  return isMet;
}

/**
 * Checks the app's queue after the run: no item with more than k annotators, no (item, annotator) pair twice,
 * and every item's assigned_count equal to its live and submitted assignments. Prints the result; true when clean.
 */
export async function checkAssignments(db: Kysely<DB>): Promise<boolean> {
  const { rows } = await sql<{ overAssigned: number; doubled: number; counterDrift: number }>`
    select
      (select count(*) from (select queue_item_id from assignments group by queue_item_id having count(distinct annotator_id) > ${OVERLAP}) x)::int as "overAssigned",
      (select count(*) from (select 1 from assignments group by queue_item_id, annotator_id having count(*) > 1) x)::int as "doubled",
      (select count(*) from queue_items qi
        left join (select queue_item_id, count(*) as held from assignments where state in ('active', 'submitted') group by queue_item_id) a on a.queue_item_id = qi.id
        where qi.assigned_count <> coalesce(a.held, 0))::int as "counterDrift"
  `.execute(db);
  const check = rows[0]!;
  const isClean = check.overAssigned === 0 && check.doubled === 0 && check.counterDrift === 0;
  print(
    `  over-assignment: ${check.overAssigned} items with more than ${OVERLAP} annotators, ${check.doubled} (item, annotator) pairs twice, ` +
      `${check.counterDrift} counters off  ${isClean ? "PASS" : "MISS"}`,
  );
  return isClean;
}
