import type { Kysely, Transaction } from "kysely";
import type { DB } from "@/db/types";
import { insertAuditEntry } from "@/server/audit/queries";
import type { ProjectActor } from "@/server/auth/actor";
import { NotFoundError, ValidationError } from "@/server/lib/errors";
import { resolveItem } from "@/server/resolution/service";
import { countClaimedOpenItems, deleteDayPlans, lockItemsCompletedByOverlap, lockQueueDefinition, updateQueueDefinition } from "./definition-queries";
import { samplingRuleSchema, type UpdateQueueDefinitionInput } from "./schema";

type Definition = Omit<UpdateQueueDefinitionInput, "queueId">;
type DefinitionChanges = Partial<Record<keyof Definition, { from: unknown; to: unknown }>>;

/** The parts of a definition that differ, each with what it was and what it becomes (compared as stored JSON). */
function changesBetween(before: Definition, after: Definition): DefinitionChanges {
  const changes: DefinitionChanges = {};
  for (const key of Object.keys(after) as (keyof Definition)[]) {
    if (JSON.stringify(before[key]) !== JSON.stringify(after[key])) changes[key] = { from: before[key], to: after[key] };
  }
  return changes;
}

/**
 * A queue changes mode only while nobody holds one of its open items: a blind answer and a shared approval
 * cannot meet on one item. Into collaborative mode, settings only blind answers use must be off first.
 */
async function throwOnModeSwitchIssue(
  trx: Transaction<DB>,
  projectId: string,
  queueId: string,
  queue: { mode: string; decoyRate: number; goldItemRate: number; maxOverlap: number | null },
): Promise<void> {
  const claimed = await countClaimedOpenItems(trx, projectId, queueId);
  if (claimed > 0) {
    throw new ValidationError(`mode: ${claimed} open ${claimed === 1 ? "item is" : "items are"} being reviewed; switch once they are answered or their leases end`, { field: "mode" });
  }
  if (queue.mode === "collaborative" && (queue.decoyRate > 0 || queue.goldItemRate > 0 || queue.maxOverlap !== null)) {
    throw new ValidationError("mode: turn off decoys, gold checks and adaptive overlap before making the queue collaborative", { field: "mode" });
  }
}

export type QueueDefinitionUpdate = {
  changed: (keyof Definition)[];
  /** Items a lowered k completed: now gold, a conflict, or (adaptive overlap) asking for one more annotator. */
  settled: { resolved: number; conflicts: number; awaitingMore: number };
};

/**
 * Changes a queue's name, instructions, k, lease, sampling rule and mode (audited with what each replaced), in
 * one transaction. A new rule applies to outputs ingested from now on (and to a backfill); items already
 * queued stay. A raised k asks open items for more answers. A lowered k completes the open items that
 * already have that many answers: they resolve now by the queue's policy, and anyone still holding one of
 * them finds their lease ended. K (adaptive overlap) must stay at least k.
 */
export async function updateQueue(db: Kysely<DB>, actor: ProjectActor, input: UpdateQueueDefinitionInput): Promise<QueueDefinitionUpdate> {
  const { queueId, name, instructions, overlap, leaseSeconds, samplingRule } = input;
  return db.transaction().execute(async (trx) => {
    const stored = await lockQueueDefinition(trx, actor.projectId, queueId);
    if (!stored) throw new NotFoundError("no open queue with this id in the project", { field: "queueId" });
    const mode = input.mode ?? stored.mode;
    const definition: Definition = { name, instructions, overlap, leaseSeconds, samplingRule, mode };
    if (mode !== stored.mode) await throwOnModeSwitchIssue(trx, actor.projectId, queueId, { ...stored, mode });
    if (stored.maxOverlap !== null && definition.overlap > stored.maxOverlap) {
      throw new ValidationError(`overlap must be at most the queue's maxOverlap (${stored.maxOverlap}); raise maxOverlap in the quality settings first`, { field: "overlap" });
    }
    const before: Definition = { ...stored, samplingRule: samplingRuleSchema.parse(stored.samplingRule) };
    const changes = changesBetween(before, definition);
    const changed = Object.keys(changes) as (keyof Definition)[];
    const settled = { resolved: 0, conflicts: 0, awaitingMore: 0 };
    if (changed.length === 0) return { changed, settled };
    await updateQueueDefinition(trx, actor.projectId, { ...input, mode });
    if (changes.samplingRule) await deleteDayPlans(trx, actor.projectId, queueId);
    if (definition.overlap < stored.overlap) {
      for (const itemId of await lockItemsCompletedByOverlap(trx, actor.projectId, queueId, definition.overlap)) {
        const { outcome } = await resolveItem(trx, actor.projectId, itemId);
        if (outcome === "resolved") settled.resolved += 1;
        else if (outcome === "conflict") settled.conflicts += 1;
        else settled.awaitingMore += 1;
      }
    }
    await insertAuditEntry(trx, {
      projectId: actor.projectId,
      actorUserId: actor.userId,
      action: "queue.updated",
      targetType: "queue",
      targetId: queueId,
      data: { changes, settled },
    });
    return { changed, settled };
  });
}
