import type { Executor } from "@/db/executor";
import { countPendingItems, countPopulationHistory, findDayPlans, insertDayPlan, listRecentDayPlans } from "./plan-queries";
import { viewOf } from "./views";
import { planDay, type DayHistory, type DayPlan, type StratumVolume } from "./rates";
import type { PlanLookup, SamplingQueue } from "./rule";
import { stratumOf, WHOLE_POPULATION, metadataStratum } from "./strata";

const planKey = (queueId: string, day: string) => `${queueId}|${day}`;

/** Maps the history query's rows to volumes per stratum (named as `stratumOf` names them) and its number of days. */
function toDayHistory(queue: SamplingQueue, rows: Awaited<ReturnType<typeof countPopulationHistory>>): DayHistory {
  const volumes = new Map<string, StratumVolume>();
  const days = new Set<string>();
  for (const row of rows) {
    days.add(row.day);
    const stratum = stratumFromSource(queue, row.source);
    const volume = volumes.get(stratum) ?? { stratum, outputs: 0, eligible: 0, prioritized: 0 };
    volume.outputs += row.outputs;
    volume.eligible += row.eligible;
    volume.prioritized += row.prioritized;
    volumes.set(stratum, volume);
  }
  return { days: days.size, strata: [...volumes.values()] };
}

function stratumFromSource(queue: SamplingQueue, source: unknown): string {
  const { rule } = queue;
  switch (rule.strataBy) {
    case "none":
      return WHOLE_POPULATION;
    case "model":
      return stratumOf(rule, { model: typeof source === "string" ? source : null, tags: [], metadata: {} });
    case "tag":
      return stratumOf(rule, { model: null, tags: typeof source === "string" ? [source] : [], metadata: {} });
    case "metadata":
      return metadataStratum(source);
  }
}

/** Fixes a day's plan from the days before it and the queue's pending items now, then reads back whichever plan won. */
async function createDayPlan(db: Executor, projectId: string, queue: SamplingQueue, day: string): Promise<void> {
  const [rows, pending] = await Promise.all([countPopulationHistory(db, projectId, queue, viewOf(queue), day), countPendingItems(db, projectId, queue.id)]);
  await insertDayPlan(db, projectId, queue.id, day, planDay(queue.rule, queue.holdoutFraction, toDayHistory(queue, rows), pending));
}

/**
 * The plans of these (queue, day) pairs, creating the missing ones. Two writers creating one day's plan at
 * once both compute it, one insert wins, and both read the winner back: every draw of a day uses one plan.
 */
export async function loadDayPlans(db: Executor, projectId: string, queues: readonly SamplingQueue[], pairs: readonly { queueId: string; day: string }[]): Promise<PlanLookup> {
  const plans = new Map<string, DayPlan>();
  const read = async (wanted: readonly { queueId: string; day: string }[]) => {
    for (const row of await findDayPlans(db, projectId, wanted)) plans.set(planKey(row.queueId, row.day), row);
  };
  await read(pairs);
  const missing = pairs.filter((pair) => !plans.has(planKey(pair.queueId, pair.day)));
  const queuesById = new Map(queues.map((queue) => [queue.id, queue]));
  for (const pair of missing) await createDayPlan(db, projectId, queuesById.get(pair.queueId)!, pair.day);
  await read(missing);
  return (queueId, day) => {
    const plan = plans.get(planKey(queueId, day));
    if (!plan) throw new Error(`no sampling plan loaded for queue ${queueId} on ${day}`);
    return plan;
  };
}

/** How many of a queue's latest day plans its page shows. */
const SHOWN_PLANS = 7;

/** A queue's latest day plans, newest first: what its quotas, budget and cap made of each day's rates. */
export async function listRecentPlans(db: Executor, projectId: string, queueId: string) {
  return listRecentDayPlans(db, projectId, queueId, SHOWN_PLANS);
}
