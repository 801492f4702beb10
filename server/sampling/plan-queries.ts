import { sql, type RawBuilder } from "kysely";
import type { SamplingRule } from "@/server/queues/schema";
import type { Executor } from "@/db/executor";
import { threadEndSql, unitSignalsSql, utcDaySql, type OutputView } from "./queries";
import type { DayPlan } from "./rates";

/** How many days before a plan's day its history covers. */
const HISTORY_DAYS = 7;

/** The rule's population filters as SQL over `outputs o`; the same tests `matchesPopulation` makes in code. */
function populationSql(rule: SamplingRule, view: OutputView, comparesCandidates: boolean): RawBuilder<boolean> {
  const tests: RawBuilder<unknown>[] = [sql`o.consent`];
  if (comparesCandidates) tests.push(sql`o.candidates is not null`);
  if (rule.models.length > 0) tests.push(sql`o.model = any(${rule.models}::text[])`);
  if (rule.tags.length > 0) tests.push(sql`o.tags @> ${rule.tags}::text[]`);
  // jsonb containment of scalar values is equality, as the strict comparison in code is.
  if (Object.keys(rule.metadata).length > 0) tests.push(sql`o.metadata @> ${JSON.stringify(rule.metadata)}::jsonb`);
  if (rule.thread === "last_turn") tests.push(threadEndSql(view));
  return sql<boolean>`(${sql.join(tests, sql` and `)})`;
}

/** The value a stratum is named from (mapped through `stratumOf` in code): model, first stratum tag, or the metadata value as jsonb. */
function stratumSourceSql(rule: SamplingRule): RawBuilder<unknown> {
  switch (rule.strataBy) {
    case "none":
      return sql`null::jsonb`;
    case "model":
      return sql`to_jsonb(o.model)`;
    case "tag":
      return sql`to_jsonb((select tag from unnest(${rule.strataTags}::text[]) with ordinality as listed(tag, position) where tag = any(o.tags) order by position limit 1))`;
    case "metadata":
      return sql`o.metadata -> ${rule.strataKey}`;
  }
}

/**
 * Daily counts of the population in the days before `day`, per stratum source: all outputs, those passing
 * the signal filter, and those of these with a priority signal (as signals stand now).
 */
export async function countPopulationHistory(db: Executor, projectId: string, queue: { rule: SamplingRule; comparesCandidates?: boolean }, view: OutputView, day: string) {
  const { rule } = queue;
  const unitSignals = unitSignalsSql(view);
  const eligible = rule.signals.length === 0 ? sql`true` : sql`exists (select 1 from ${unitSignals} and s.kind = any(${rule.signals}::text[]))`;
  const priorityTests: RawBuilder<unknown>[] = [];
  if (rule.prioritySignals.length > 0) priorityTests.push(sql`s.kind = any(${rule.prioritySignals}::text[])`);
  if (rule.priorityScoreBelow !== null) priorityTests.push(sql`(s.kind = 'score' and s.value < ${rule.priorityScoreBelow})`);
  const prioritized = priorityTests.length === 0 ? sql`false` : sql`exists (select 1 from ${unitSignals} and (${sql.join(priorityTests, sql` or `)}))`;
  const { rows } = await sql<{ source: unknown; day: string; outputs: number; eligible: number; prioritized: number }>`
    select source, day, count(*)::int as outputs, count(*) filter (where is_eligible)::int as eligible,
      count(*) filter (where is_eligible and is_prioritized)::int as prioritized
    from (
      select ${stratumSourceSql(rule)} as source, ${utcDaySql} as day, ${eligible} as is_eligible, ${prioritized} as is_prioritized
      from outputs o
      where o.project_id = ${projectId}
        and o.produced_at >= (${day}::date - ${HISTORY_DAYS}::int)::timestamp at time zone 'UTC'
        and o.produced_at < ${day}::date::timestamp at time zone 'UTC'
        and ${populationSql(rule, view, queue.comparesCandidates ?? false)}
    ) unit
    group by source, day
  `.execute(db);
  return rows;
}

/** Items of the queue waiting for their first claim. */
export async function countPendingItems(db: Executor, projectId: string, queueId: string): Promise<number> {
  const row = await db
    .selectFrom("queue_items")
    .select((eb) => eb.fn.countAll<number>().as("count"))
    .where("project_id", "=", projectId)
    .where("queue_id", "=", queueId)
    .where("state", "=", "pending")
    .executeTakeFirstOrThrow();
  return Number(row.count);
}

/** Stored plans of these (queue, day) pairs. */
export async function findDayPlans(db: Executor, projectId: string, pairs: readonly { queueId: string; day: string }[]) {
  if (pairs.length === 0) return [];
  const rows = await sql<{ queueId: string; day: string; defaultRate: number; stratumRates: Record<string, number>; expectedItems: number; limitedBy: DayPlan["limitedBy"] }>`
    select plan.queue_id as "queueId", to_char(plan.day, 'YYYY-MM-DD') as day, plan.default_rate as "defaultRate",
      plan.stratum_rates as "stratumRates", plan.expected_items as "expectedItems", plan.limited_by as "limitedBy"
    from sampling_day_plans plan
    join unnest(${pairs.map((pair) => pair.queueId)}::uuid[], ${pairs.map((pair) => pair.day)}::date[]) as wanted(queue_id, day)
      on wanted.queue_id = plan.queue_id and wanted.day = plan.day
    where plan.project_id = ${projectId}
  `.execute(db);
  return rows.rows;
}

/** Stores a day's plan unless one is stored already: the first plan written for a day is the one every draw of it uses. */
export async function insertDayPlan(db: Executor, projectId: string, queueId: string, day: string, plan: DayPlan) {
  await db
    .insertInto("sampling_day_plans")
    .values({
      project_id: projectId,
      queue_id: queueId,
      day,
      default_rate: plan.defaultRate,
      stratum_rates: JSON.stringify(plan.stratumRates),
      expected_items: plan.expectedItems,
      limited_by: plan.limitedBy,
    })
    .onConflict((conflict) => conflict.columns(["project_id", "queue_id", "day"]).doNothing())
    .execute();
}

/** A queue's recent plans, newest first, for the queue page. */
export async function listRecentDayPlans(db: Executor, projectId: string, queueId: string, limit: number) {
  const rows = await sql<{ day: string; defaultRate: number; stratumRates: Record<string, number>; expectedItems: number; limitedBy: DayPlan["limitedBy"] }>`
    select to_char(day, 'YYYY-MM-DD') as day, default_rate as "defaultRate", stratum_rates as "stratumRates", expected_items as "expectedItems", limited_by as "limitedBy"
    from sampling_day_plans where project_id = ${projectId} and queue_id = ${queueId} order by day desc limit ${limit}
  `.execute(db);
  return rows.rows;
}
