import type { LabelValues } from "@/server/labels/answer-values";
import type { Transaction } from "kysely";
import type { DB } from "@/db/types";
import { insertAuditEntry } from "@/server/audit/queries";
import { emitWebhookEvent } from "@/server/webhooks/outbox";

export type GoldRevisedEvent = {
  projectId: string;
  actorUserId: string;
  queueItemId: number;
  queueId: string;
  outputId: number;
  goldLabelId: number;
  supersedes: number;
  reason: string;
  values: LabelValues;
  method: string;
  confidence: number;
};

/**
 * Records a gold revision in the transaction that makes it: the audit entry and the `gold.revised` webhook
 * event (the outbox), so a rolled-back revision announces nothing. A revision sends no `gold.created`: that
 * event means an item's first gold label.
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
  await emitWebhookEvent(trx, {
    projectId: event.projectId,
    type: "gold.revised",
    data: { goldLabelId: event.goldLabelId, supersedes: event.supersedes, queueItemId: event.queueItemId, queueId: event.queueId, outputId: event.outputId, reason: event.reason },
  });
}
