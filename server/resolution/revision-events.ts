import type { Transaction } from "kysely";
import type { DB } from "@/db/types";
import { insertAuditEntry } from "@/server/audit/queries";

export type GoldRevisedEvent = {
  projectId: string;
  actorUserId: string;
  queueItemId: number;
  queueId: string;
  goldLabelId: number;
  supersedes: number;
  reason: string;
  values: Record<string, string>;
  method: string;
  confidence: number;
};

/**
 * Records a gold revision in the transaction that makes it: the audit entry now, and the `gold.revised`
 * webhook event beside it (helper W's `emitWebhookEvent(trx, …)`, wired at merge), so a rolled-back revision
 * announces nothing.
 */
export async function recordGoldRevised(trx: Transaction<DB>, event: GoldRevisedEvent): Promise<void> {
  await insertAuditEntry(trx, {
    projectId: event.projectId,
    actorUserId: event.actorUserId,
    action: "gold.revised",
    targetType: "gold_label",
    targetId: String(event.goldLabelId),
    data: {
      queueItemId: event.queueItemId,
      queueId: event.queueId,
      supersedes: event.supersedes,
      reason: event.reason,
      values: event.values,
      method: event.method,
      confidence: event.confidence,
    },
  });
}
