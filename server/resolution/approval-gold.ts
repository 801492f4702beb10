import type { Transaction } from "kysely";
import type { DB } from "@/db/types";
import type { LabelValues } from "@/server/labels/answer-values";
import { markItemResolved } from "./queries";
import { loadItem, writeGold } from "./service";

/**
 * Makes a collaborative item gold from the shared answer its k annotators all approved, in the approval's
 * transaction (item row locked). Unanimous by construction: approvals of any other version do not count.
 */
export async function resolveApprovedItem(
  trx: Transaction<DB>,
  projectId: string,
  approved: { queueItemId: number; values: LabelValues; correction: string | null; annotationIds: number[]; approverIds: string[] },
): Promise<number> {
  const item = await loadItem(trx, projectId, approved.queueItemId);
  const goldLabelId = await writeGold(trx, {
    projectId,
    item,
    values: approved.values,
    correction: approved.correction,
    method: "unanimous",
    confidence: 1,
    provenance: { mode: "collaborative", annotationIds: approved.annotationIds, approvers: approved.approverIds, seats: item.overlap },
    resolvedBy: null,
  });
  await markItemResolved(trx, projectId, approved.queueItemId);
  return goldLabelId;
}
