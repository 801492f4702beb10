import type { Kysely } from "kysely";
import type { DB } from "@/db/types";
import { NotFoundError } from "@/server/lib/errors";
import { samplingRuleSchema } from "@/server/queues/schema";
import type { Executor } from "@/db/executor";
import { loadDayPlans } from "./plan-service";
import {
  findSamplingOutputs,
  findThreadSamplingOutputs,
  insertQueueItems,
  listOpenQueueRules,
  listSamplingOutputsPage,
  raiseInclusionProbabilities,
  type NewQueueItem,
} from "./queries";
import { listPlanDays, planQueueItems, type QueueDraw, type SamplingCandidate, type SamplingQueue, type StoredSamplingOutput } from "./rule";
import { groupByView, viewOf } from "./views";

const BACKFILL_PAGE_SIZE = 1_000;
/** An item a priority signal took is claimed before the others. */
const PRIORITIZED_ITEM_PRIORITY = 1;

type LoadedQueue = SamplingQueue & { threadsSampledUntil: Date | null; createdAt: Date };

export async function loadSamplingQueues(db: Executor, projectId: string, queueId?: string): Promise<LoadedQueue[]> {
  const rows = await listOpenQueueRules(db, projectId, queueId);
  return rows.map((row) => ({
    id: row.id,
    rule: samplingRuleSchema.parse(row.samplingRule),
    holdoutFraction: row.holdoutFraction,
    comparesCandidates: row.comparesCandidates,
    threadsSampledUntil: row.threadsSampledUntil,
    createdAt: row.createdAt,
  }));
}

const compareText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Sorts draws by queue, then content: concurrent writers take unique-index locks in one order, so they cannot deadlock. */
export function sortDrawsForInsert<Output extends { contentHash: string }>(draws: QueueDraw<Output>[]): QueueDraw<Output>[] {
  return draws.sort((a, b) => compareText(a.queueId, b.queueId) || compareText(a.output.contentHash, b.output.contentHash));
}

/** The priority an item of this draw is claimed with. */
export const priorityOf = (draw: Pick<QueueDraw<unknown>, "isPrioritized">) => (draw.isPrioritized ? PRIORITIZED_ITEM_PRIORITY : 0);

/** Writes draws as queue items of this provenance; returns the items added. */
export async function insertDraws(db: Executor, projectId: string, draws: QueueDraw<StoredSamplingOutput>[], provenance: NewQueueItem["provenance"]) {
  const items = sortDrawsForInsert(draws).map((draw) => ({
    queueId: draw.queueId,
    outputId: draw.output.id,
    contentHash: draw.output.contentHash,
    inclusionProbability: draw.inclusionProbability,
    isHoldout: draw.isHoldout,
    stratum: draw.stratum,
    priority: priorityOf(draw),
    provenance,
  }));
  return insertQueueItems(db, projectId, items);
}

/** Draws stored outputs for queues, loading (or fixing) the day plans they need. */
export async function drawStored(db: Executor, projectId: string, queues: readonly SamplingQueue[], outputs: readonly StoredSamplingOutput[]) {
  if (queues.length === 0 || outputs.length === 0) return [];
  const planFor = await loadDayPlans(db, projectId, queues, listPlanDays(queues, outputs));
  return planQueueItems(queues, outputs, planFor);
}

/** An output as ingest holds it before it is stored. */
export type IngestCandidate = Omit<SamplingCandidate, "signalKinds" | "minScore" | "day" | "isThreadEnd"> & { producedAt: string; sessionId: string | null };

/**
 * Which of the project's open queues take which of these new outputs (rules and draws only, nothing
 * written). A new output has no signals yet, and a turn of a session is no thread's last turn until the
 * thread has been idle, so last-turn queues take only outputs without a session here. Ingest writes the
 * result together with the outputs themselves.
 */
export async function planOpenQueueItems<Output extends IngestCandidate>(db: Executor, projectId: string, outputs: readonly Output[]): Promise<QueueDraw<Output>[]> {
  if (outputs.length === 0) return [];
  const queues = await loadSamplingQueues(db, projectId);
  if (queues.length === 0) return [];
  const candidates = outputs.map((output) => ({
    ...output,
    signalKinds: [],
    minScore: null,
    day: new Date(output.producedAt).toISOString().slice(0, 10),
    isThreadEnd: output.sessionId === null,
  }));
  const planFor = await loadDayPlans(db, projectId, queues, listPlanDays(queues, candidates));
  return planQueueItems(queues, candidates, planFor);
}

/** True when a signal can change the rule's π: it filters on signals or prioritises some. */
const isSignalSensitive = (queue: SamplingQueue) => queue.rule.signals.length > 0 || queue.rule.prioritySignals.length > 0 || queue.rule.priorityScoreBelow !== null;

/**
 * Re-evaluates the queues whose π depends on production signals for outputs that just received signals
 * (for a last-turn queue: the last turns of their threads), so a thumbs_down arriving after ingest queues
 * the output at its new π. An output already queued keeps its item, whose π (and priority) rises to the
 * new value: its main draw is the same number, compared with a higher bar. Removed outputs stay out.
 * Returns how many items were added.
 */
export async function enqueueAfterSignals(db: Executor, projectId: string, outputIds: readonly number[]): Promise<number> {
  if (outputIds.length === 0) return 0;
  const queues = (await loadSamplingQueues(db, projectId)).filter(isSignalSensitive);
  let added = 0;
  for (const { view, queues: group } of groupByView(queues)) {
    const outputs = view.threadIdleMinutes === null ? await findSamplingOutputs(db, projectId, view, outputIds) : await findThreadSamplingOutputs(db, projectId, view, outputIds);
    const draws = await drawStored(db, projectId, group, outputs);
    await raiseInclusionProbabilities(
      db,
      projectId,
      draws.map((draw) => ({ queueId: draw.queueId, outputId: draw.output.id, inclusionProbability: draw.inclusionProbability, priority: priorityOf(draw) })),
    );
    added += (await insertDraws(db, projectId, draws, "rule")).length;
  }
  return added;
}

/**
 * Applies a queue's rule to every output already stored, page by page, as provenance `backfill`.
 * Idempotent: the draws are deterministic, each day's plan is fixed once, and existing or removed items are
 * skipped, so a second run adds nothing new.
 */
export async function backfillQueue(db: Kysely<DB>, projectId: string, queueId: string): Promise<{ scanned: number; added: number }> {
  const [queue] = await loadSamplingQueues(db, projectId, queueId);
  if (!queue) throw new NotFoundError("no open queue with this id in the project", { field: "queueId" });
  let scanned = 0;
  let added = 0;
  let afterId = 0;
  for (;;) {
    const page = await listSamplingOutputsPage(db, projectId, viewOf(queue), { afterId, limit: BACKFILL_PAGE_SIZE });
    if (page.length === 0) break;
    scanned += page.length;
    added += (await insertDraws(db, projectId, await drawStored(db, projectId, [queue], page), "backfill")).length;
    afterId = page[page.length - 1]!.id;
  }
  return { scanned, added };
}
