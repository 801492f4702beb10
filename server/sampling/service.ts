import type { Kysely } from "kysely";
import type { DB } from "@/db/types";
import { NotFoundError } from "@/server/lib/errors";
import { samplingRuleSchema } from "@/server/queues/schema";
import { findSamplingOutputs, insertQueueItems, listOpenQueueRules, listSamplingOutputsPage, raiseInclusionProbabilities } from "./queries";
import { planQueueItems, type QueueDraw, type SamplingCandidate, type SamplingQueue, type StoredSamplingOutput } from "./rule";
import type { Executor } from "@/db/executor";

const BACKFILL_PAGE_SIZE = 1_000;

async function loadSamplingQueues(db: Executor, projectId: string, queueId?: string): Promise<SamplingQueue[]> {
  const rows = await listOpenQueueRules(db, projectId, queueId);
  return rows.map((row) => ({ id: row.id, rule: samplingRuleSchema.parse(row.samplingRule), holdoutFraction: row.holdoutFraction }));
}

const compareText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Sorts draws by queue, then content: concurrent writers take unique-index locks in one order, so they cannot deadlock. */
export function sortDrawsForInsert<Output extends { contentHash: string }>(draws: QueueDraw<Output>[]): QueueDraw<Output>[] {
  return draws.sort((a, b) => compareText(a.queueId, b.queueId) || compareText(a.output.contentHash, b.output.contentHash));
}

async function insertDraws(db: Executor, projectId: string, draws: QueueDraw<StoredSamplingOutput>[]) {
  const items = sortDrawsForInsert(draws).map(({ queueId, output, inclusionProbability, isHoldout }) => ({
    queueId,
    outputId: output.id,
    contentHash: output.contentHash,
    inclusionProbability,
    isHoldout,
  }));
  return insertQueueItems(db, projectId, items);
}

/**
 * Which of the project's open queues take which of these outputs (rules and draws only, nothing written).
 * Ingest writes the result together with the outputs themselves.
 */
export async function planOpenQueueItems<Output extends SamplingCandidate>(db: Executor, projectId: string, outputs: readonly Output[]): Promise<QueueDraw<Output>[]> {
  if (outputs.length === 0) return [];
  return planQueueItems(await loadSamplingQueues(db, projectId), outputs);
}

/**
 * Re-evaluates the queues whose rule needs a production signal for outputs that just received signals,
 * so a thumbs_down arriving after ingest queues the output. An output the holdout already took keeps its
 * item, whose π rises to P(main or holdout) now that the main draw could take it too. Returns how many
 * items were added.
 */
export async function enqueueAfterSignals(db: Executor, projectId: string, outputIds: readonly number[]): Promise<number> {
  if (outputIds.length === 0) return 0;
  const queues = (await loadSamplingQueues(db, projectId)).filter((queue) => queue.rule.signals.length > 0);
  if (queues.length === 0) return 0;
  const outputs = await findSamplingOutputs(db, projectId, outputIds);
  const draws = planQueueItems(queues, outputs);
  await raiseInclusionProbabilities(
    db,
    projectId,
    draws.filter((draw) => draw.isHoldout).map(({ queueId, output, inclusionProbability }) => ({ queueId, outputId: output.id, inclusionProbability })),
  );
  return (await insertDraws(db, projectId, draws)).length;
}

/**
 * Applies a queue's rule to every output already stored, page by page. Idempotent: the draws are
 * deterministic and existing items are skipped, so a second run adds nothing new.
 */
export async function backfillQueue(db: Kysely<DB>, projectId: string, queueId: string): Promise<{ scanned: number; added: number }> {
  const [queue] = await loadSamplingQueues(db, projectId, queueId);
  if (!queue) throw new NotFoundError("no open queue with this id in the project", { field: "queueId" });
  let scanned = 0;
  let added = 0;
  let afterId = 0;
  for (;;) {
    const page = await listSamplingOutputsPage(db, projectId, { afterId, limit: BACKFILL_PAGE_SIZE });
    if (page.length === 0) break;
    scanned += page.length;
    added += (await insertDraws(db, projectId, planQueueItems([queue], page))).length;
    afterId = page[page.length - 1]!.id;
  }
  return { scanned, added };
}
