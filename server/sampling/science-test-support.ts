import { sql } from "kysely";
import { expect } from "vitest";
import type { seedProjectTeam } from "@/db/seed/factories";
import type { Database } from "@/db";
import { ingestOutputs } from "@/server/ingest/service";
import { buildOutputItem } from "@/server/ingest/test-fixtures";
import { buildSamplingRule, createQueueRequestSchema } from "@/server/queues/schema";
import { createQueue } from "@/server/queues/service";
import { buildQueueInput } from "@/server/queues/test-fixtures";

export type Team = Awaited<ReturnType<typeof seedProjectTeam>>;

/** Creates a queue with this rule (no backfill) as the team's lead; returns its id. */
export async function addQueue(db: Database, team: Team, rule: Parameters<typeof buildSamplingRule>[0], holdoutFraction = 0) {
  const actor = { projectId: team.project.id, userId: team.members.lead.id };
  const input = createQueueRequestSchema.parse(buildQueueInput(buildSamplingRule(rule), { holdoutFraction }));
  return (await createQueue(db, actor, input)).id;
}

/** Ingests outputs in batches of 1,000 and checks each was created. */
export async function ingestAll(db: Database, team: Team, items: Record<string, unknown>[]) {
  for (let start = 0; start < items.length; start += 1_000) {
    const batch = items.slice(start, start + 1_000);
    const { summary } = await ingestOutputs(db, { projectId: team.project.id, apiKeyId: null }, batch);
    expect(summary.created).toBe(batch.length);
  }
}

/** `count` outputs numbered from `first`, produced at noon UTC of `day`, with these fields. */
export const outputsOn = (day: string, first: number, count: number, fields: (index: number) => Record<string, unknown> = () => ({})) =>
  Array.from({ length: count }, (_, offset) => buildOutputItem(first + offset, { produced_at: `${day}T12:00:00Z`, ...fields(first + offset) }));

/** The queue's items keyed by external id. */
export async function queueItemsOf(db: Database, team: Team, queueId: string) {
  const rows = await db
    .selectFrom("queue_items")
    .innerJoin("outputs", "outputs.id", "queue_items.output_id")
    .select([
      "outputs.external_id as externalId",
      "outputs.id as outputId",
      "queue_items.id",
      "queue_items.inclusion_probability as pi",
      "queue_items.stratum",
      "queue_items.priority",
      "queue_items.provenance",
      "queue_items.is_holdout as isHoldout",
    ])
    .where("queue_items.project_id", "=", team.project.id)
    .where("queue_items.queue_id", "=", queueId)
    .execute();
  return new Map(rows.map((row) => [row.externalId, row]));
}

/** The stored plan of a queue's day. */
export async function dayPlanOf(db: Database, team: Team, queueId: string, day: string) {
  const plan = await db
    .selectFrom("sampling_day_plans")
    .select(["default_rate as defaultRate", "stratum_rates as stratumRates", "expected_items as expectedItems", "limited_by as limitedBy"])
    .where("project_id", "=", team.project.id)
    .where("queue_id", "=", queueId)
    .where("day", "=", sql<Date>`${day}::date`)
    .executeTakeFirstOrThrow();
  return { ...plan, stratumRates: plan.stratumRates as Record<string, number> };
}

/** Within four standard deviations of Binomial(n, p). */
export const expectBinomial = (count: number, n: number, p: number) => expect(Math.abs(count - n * p)).toBeLessThanOrEqual(4 * Math.sqrt(n * p * (1 - p)) + 1e-9);
