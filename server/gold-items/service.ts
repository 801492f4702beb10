import type { Kysely } from "kysely";
import type { Executor } from "@/db/executor";
import type { DB } from "@/db/types";
import type { ProjectActor } from "@/server/auth/actor";
import { insertAuditEntry } from "@/server/audit/queries";
import { InvalidStateError, NotFoundError, ValidationError } from "@/server/lib/errors";
import { labelSchemaSchema, primaryChoiceField } from "@/server/queues/schema";
import { parseGoldCsv } from "./csv";
import {
  countEligibleGold,
  findGoldItemRetiredAt,
  findGoldQueue,
  findItemCurrentGold,
  findQueueItemsByExternalId,
  insertGoldItems,
  insertTopGoldItems,
  listQueueGoldItems,
  retireGoldItem,
  toExpectedValues,
} from "./queries";
import type { ImportGoldCsvInput } from "./schema";

async function requireGoldQueue(db: Kysely<DB>, actor: ProjectActor, queueId: string) {
  const queue = await findGoldQueue(db, actor.projectId, queueId);
  if (!queue) throw new NotFoundError("no such queue", { field: "queueId" });
  return { ...queue, labelSchema: labelSchemaSchema.parse(queue.labelSchema) };
}

/** A queue's gold items (active first) with their answers so far, its settings and how much gold could still be marked. */
export async function listGoldItems(db: Kysely<DB>, actor: ProjectActor, queueId: string) {
  const queue = await requireGoldQueue(db, actor, queueId);
  const rows = await listQueueGoldItems(db, actor.projectId, queueId);
  return {
    settings: { goldItemRate: queue.goldItemRate, gateMinAccuracy: queue.gateMinAccuracy, gateMinGoldItems: queue.gateMinGoldItems, dailyCap: queue.dailyCap },
    eligibleGold: await countEligibleGold(db, actor.projectId, queueId),
    items: rows.map((row) => ({ ...row, expectedValues: toExpectedValues(row.expectedValues), answers: Number(row.answers), correct: Number(row.correct) })),
  };
}

/** Makes a resolved item's current gold a gold check; marking an item twice keeps the first. */
export async function addGoldItemFromGold(db: Kysely<DB>, actor: ProjectActor, queueItemId: number): Promise<{ added: number }> {
  const gold = await findItemCurrentGold(db, actor.projectId, queueItemId);
  if (!gold) throw new NotFoundError("this item has no gold yet; resolve it first", { field: "queueItemId" });
  return db.transaction().execute(async (trx) => {
    const added = await insertGoldItems(trx, [
      { projectId: actor.projectId, queueId: gold.queueId, queueItemId, expectedValues: toExpectedValues(gold.values), source: "gold", createdBy: actor.userId },
    ]);
    if (added > 0) await audit(trx, actor, "gold_items.added", gold.queueId, { queueItemIds: [queueItemId], source: "gold" });
    return { added };
  });
}

/** Marks the `count` most confident current gold labels of a queue as gold checks. */
export async function addTopGoldItems(db: Kysely<DB>, actor: ProjectActor, input: { queueId: string; count: number }): Promise<{ added: number }> {
  await requireGoldQueue(db, actor, input.queueId);
  return db.transaction().execute(async (trx) => {
    const added = await insertTopGoldItems(trx, { projectId: actor.projectId, queueId: input.queueId, count: input.count, createdBy: actor.userId });
    if (added > 0) await audit(trx, actor, "gold_items.added", input.queueId, { count: added, source: "gold" });
    return { added };
  });
}

/**
 * Imports known answers from `item,label` lines (item = an output's external id in this queue). All or
 * nothing: any bad line is refused with its number and nothing is written. A line repeating an active
 * gold check's answer changes nothing; a different answer for it is refused (retire the old one first).
 */
export async function importGoldItemsCsv(db: Kysely<DB>, actor: ProjectActor, input: ImportGoldCsvInput): Promise<{ added: number; unchanged: number }> {
  const queue = await requireGoldQueue(db, actor, input.queueId);
  const field = primaryChoiceField(queue.labelSchema);
  if (!field) throw new InvalidStateError("gold checks grade a single-choice field, and this queue has none", { field: "queueId" });
  const rows = parseGoldCsv(input.csv, field.options.map((option) => option.value));
  const found = new Map((await findQueueItemsByExternalId(db, { projectId: actor.projectId, queueId: queue.id, externalIds: rows.map((row) => row.item) })).map((item) => [item.externalId, item]));
  const fresh: Parameters<typeof insertGoldItems>[1] = [];
  for (const row of rows) {
    const item = found.get(row.item);
    if (!item) throw new ValidationError(`csv line ${row.line}: no item "${row.item}" in this queue (the item column holds an output's external id)`, { field: "csv" });
    if (item.activeExpected === null) {
      // Production work on it would vote on an item whose answer is known, and leave it stuck part-answered.
      const isUnderReview = item.state !== "resolved" && (item.assignedCount > 0 || item.submittedCount > 0);
      if (isUnderReview) throw new ValidationError(`csv line ${row.line}: item "${row.item}" is being reviewed (${item.submittedCount} answers so far); mark it once it is resolved`, { field: "csv" });
      fresh.push({ projectId: actor.projectId, queueId: queue.id, queueItemId: item.queueItemId, expectedValues: { [field.key]: row.label }, source: "csv" as const, createdBy: actor.userId });
      continue;
    }
    const current = toExpectedValues(item.activeExpected)[field.key];
    if (current !== row.label) throw new ValidationError(`csv line ${row.line}: item "${row.item}" is already a gold check expecting "${current}"; retire it first`, { field: "csv" });
  }
  return db.transaction().execute(async (trx) => {
    const added = await insertGoldItems(trx, fresh);
    if (added > 0) await audit(trx, actor, "gold_items.added", queue.id, { count: added, source: "csv" });
    return { added, unchanged: rows.length - added };
  });
}

/** Stops serving a gold item; its past answers keep counting toward accuracy. Retiring twice is a no-op. */
export async function retireGoldItemById(db: Kysely<DB>, actor: ProjectActor, goldItemId: number): Promise<{ retiredAt: Date }> {
  return db.transaction().execute(async (trx) => {
    const retired = await retireGoldItem(trx, actor.projectId, goldItemId);
    if (!retired) {
      const retiredBefore = await findGoldItemRetiredAt(trx, actor.projectId, goldItemId);
      if (!retiredBefore) throw new NotFoundError("no such gold item", { field: "goldItemId" });
      return { retiredAt: retiredBefore };
    }
    await audit(trx, actor, "gold_items.retired", retired.queueId, { goldItemId, queueItemId: retired.queueItemId });
    return { retiredAt: retired.retiredAt };
  });
}

async function audit(db: Executor, actor: ProjectActor, action: string, queueId: string, data: Record<string, unknown>) {
  await insertAuditEntry(db, { projectId: actor.projectId, actorUserId: actor.userId, action, targetType: "queue", targetId: queueId, data });
}
