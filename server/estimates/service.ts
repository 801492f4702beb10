import type { Kysely } from "kysely";
import type { DB } from "@/db/types";
import type { ProjectActor } from "@/server/auth/actor";
import { estimateShares } from "@/server/quality/production-share";
import { getProjectQueue } from "@/server/queues/service";
import { countManualGold, listDesignGold } from "./queries";
import { ESTIMATE_WINDOWS, type QueueEstimatesInput } from "./schema";
import { NotFoundError } from "@/server/lib/errors";
import { primaryChoiceField } from "@/server/queues/schema";

/**
 * Estimates, for each option of the queue's field, its share of ALL production outputs of the queue's
 * population (not just of the reviewed ones): the Hájek ratio over gold-labelled items weighted by 1/π,
 * with a 95 % interval, overall and per window of production time.
 */
export async function getQueueEstimates(db: Kysely<DB>, actor: ProjectActor, input: QueueEstimatesInput) {
  const queue = await getProjectQueue(db, actor, input.queueId);
  const field = primaryChoiceField(queue.labelSchema);
  if (!field) throw new NotFoundError("this queue has no single-choice field whose shares could be estimated", { field: "queueId" });
  const params = { projectId: actor.projectId, queueId: input.queueId, fieldKey: field.key, granularity: input.granularity };
  const [gold, manualItems] = await Promise.all([listDesignGold(db, params), countManualGold(db, params)]);
  const values = field.options.map((option) => option.value);
  const titleOf = new Map(field.options.map((option) => [option.value, option.title]));
  const withTitles = (draws: typeof gold) => estimateShares(draws, values).map((estimate) => ({ ...estimate, title: titleOf.get(estimate.value) ?? estimate.value }));

  const byWindow = new Map<number, typeof gold>();
  for (const row of gold) {
    const key = new Date(row.windowStart).getTime();
    byWindow.set(key, [...(byWindow.get(key) ?? []), row]);
  }
  const windows = [...byWindow.keys()].sort((a, b) => a - b).slice(-ESTIMATE_WINDOWS[input.granularity]);
  return {
    queue: { id: queue.id, name: queue.name },
    field: { key: field.key, title: field.title, options: field.options.map((option) => ({ value: option.value, title: option.title })) },
    samplingRule: { explorationFloor: queue.samplingRule.explorationFloor, signals: queue.samplingRule.signals },
    holdoutFraction: queue.holdoutFraction,
    granularity: input.granularity,
    items: gold.length,
    manualItems,
    estimatedPopulation: gold.reduce((sum, row) => sum + 1 / row.inclusionProbability, 0),
    shares: withTitles(gold),
    series: windows.map((windowStart) => {
      const draws = byWindow.get(windowStart)!;
      return { windowStart: new Date(windowStart), items: draws.length, shares: withTitles(draws) };
    }),
  };
}
