import type { Kysely, Transaction } from "kysely";
import type { DB } from "@/db/types";
import { insertAuditEntries } from "@/server/audit/queries";
import { parseLabelSchema } from "@/server/items/label-values";
import { NotFoundError } from "@/server/lib/errors";
import { listSubscribedEndpointIds } from "@/server/webhooks/endpoint-queries";
import { writeEventForEndpoints } from "@/server/webhooks/outbox";
import { goldCreatedAuditEntry, goldCreatedEvent, type CreatedGold } from "./gold-created";
import { decideItem, loadConsensusPolicy, type ConsensusPolicy, type CountedAnswer } from "./policy";
import {
  findQueuePolicy,
  insertConsensusGolds,
  listCountedAnswersOfItems,
  lockOpenItemBatch,
  markItemsConflict,
  markItemsResolved,
  type ConsensusGoldRow,
} from "./reevaluate-queries";

/** Items decided per transaction: small enough to keep locks short, large enough that 10k items take a few round trips. */
const BATCH_SIZE = 500;

type Scope = { projectId: string; queueId: string };

/**
 * Decides every open item of a queue by its current policy: items closed to new labels
 * (`needs_resolution`, e.g. imported) and conflicts without gold. Gold is written as at submit time
 * (audit entry, `gold.created` event) and the item resolved; a closed item that does not reach gold goes to
 * conflict (`conflict.opened`); a conflict that still does not reach gold stays as it is. No extra seats
 * here: these items take no new labels. Runs after an import and after each refit of a Dawid–Skene queue,
 * whose model is read once for the whole run.
 */
export async function reevaluateOpenItems(db: Kysely<DB>, scope: Scope): Promise<{ resolved: number; conflicts: number }> {
  const queue = await findQueuePolicy(db, scope.projectId, scope.queueId);
  if (!queue) throw new NotFoundError("no such queue", { field: "queueId" });
  const policy = await loadConsensusPolicy(db, { ...scope, labelSchema: parseLabelSchema(queue.labelSchema), settings: queue });
  const totals = { resolved: 0, conflicts: 0 };
  let afterId = 0;
  for (;;) {
    const batch = await db.transaction().execute((trx) => decideBatch(trx, scope, policy, afterId));
    totals.resolved += batch.resolved;
    totals.conflicts += batch.conflicts;
    if (batch.lastId === null) return totals;
    afterId = batch.lastId;
  }
}

async function decideBatch(trx: Transaction<DB>, scope: Scope, policy: ConsensusPolicy, afterId: number) {
  const items = await lockOpenItemBatch(trx, { ...scope, afterId, limit: BATCH_SIZE });
  if (items.length === 0) return { resolved: 0, conflicts: 0, lastId: null };
  const answersByItem = new Map<number, CountedAnswer[]>();
  for (const answer of await listCountedAnswersOfItems(trx, scope.projectId, items.map((item) => item.id))) {
    const answers = answersByItem.get(answer.queueItemId) ?? [];
    answers.push(answer);
    answersByItem.set(answer.queueItemId, answers);
  }
  const golds: ConsensusGoldRow[] = [];
  const conflicts: Array<{ id: number; outputId: number; reasons: string[] }> = [];
  for (const item of items) {
    const decision = decideItem(policy, answersByItem.get(item.id) ?? []);
    if (decision.kind === "gold") golds.push({ queueItemId: item.id, outputId: item.outputId, ...decision });
    else if (item.state === "needs_resolution") conflicts.push({ id: item.id, outputId: item.outputId, reasons: decision.reasons });
  }
  await recordGolds(trx, scope, golds);
  await recordConflicts(trx, scope, conflicts);
  return { resolved: golds.length, conflicts: conflicts.length, lastId: items[items.length - 1]!.id };
}

/** Gold for a batch: one insert for the labels, one for their audit entries, and events only when someone listens. */
async function recordGolds(trx: Transaction<DB>, scope: Scope, golds: readonly ConsensusGoldRow[]): Promise<void> {
  if (golds.length === 0) return;
  const ids = new Map((await insertConsensusGolds(trx, { ...scope, golds })).map((row) => [row.queueItemId, row.id]));
  const created: CreatedGold[] = golds.map((gold) => ({
    projectId: scope.projectId,
    goldLabelId: ids.get(gold.queueItemId)!,
    item: { id: gold.queueItemId, queueId: scope.queueId, outputId: gold.outputId },
    values: gold.values,
    method: gold.method,
    confidence: gold.confidence,
    resolvedBy: null,
  }));
  await insertAuditEntries(trx, created.map(goldCreatedAuditEntry));
  const endpointIds = await listSubscribedEndpointIds(trx, scope.projectId, "gold.created");
  if (endpointIds.length > 0) for (const gold of created) await writeEventForEndpoints(trx, goldCreatedEvent(gold), endpointIds);
  await markItemsResolved(trx, scope.projectId, golds.map((gold) => gold.queueItemId));
}

async function recordConflicts(trx: Transaction<DB>, scope: Scope, conflicts: ReadonlyArray<{ id: number; outputId: number; reasons: string[] }>): Promise<void> {
  if (conflicts.length === 0) return;
  await markItemsConflict(trx, scope.projectId, conflicts);
  const endpointIds = await listSubscribedEndpointIds(trx, scope.projectId, "conflict.opened");
  for (const conflict of endpointIds.length > 0 ? conflicts : []) {
    await writeEventForEndpoints(
      trx,
      { projectId: scope.projectId, type: "conflict.opened", data: { queueItemId: conflict.id, queueId: scope.queueId, outputId: conflict.outputId, reasons: conflict.reasons } },
      endpointIds,
    );
  }
}
