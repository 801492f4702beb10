import type { LabelValues } from "@/server/labels/answer-values";
import type { AuditEntry } from "@/server/audit/queries";
import type { WebhookEventInput } from "@/server/webhooks/outbox";
import type { GoldMethod } from "./schema";

export type CreatedGold = {
  projectId: string;
  goldLabelId: number;
  item: { id: number; queueId: string; outputId: number };
  values: LabelValues;
  method: GoldMethod;
  confidence: number;
  resolvedBy: string | null;
  /** The lead's note on an adjudication. */
  note?: string;
};

/** The audit entry of an item's first gold label; one shape whether it was written alone or in a batch. */
export function goldCreatedAuditEntry(gold: CreatedGold): AuditEntry {
  return {
    projectId: gold.projectId,
    actorUserId: gold.resolvedBy,
    action: "gold.created",
    targetType: "gold_label",
    targetId: String(gold.goldLabelId),
    data: {
      queueItemId: gold.item.id,
      queueId: gold.item.queueId,
      method: gold.method,
      confidence: gold.confidence,
      values: gold.values,
      ...(gold.note ? { note: gold.note } : {}),
    },
  };
}

/** The `gold.created` webhook event of an item's first gold label. */
export function goldCreatedEvent(gold: CreatedGold): WebhookEventInput<"gold.created"> {
  return {
    projectId: gold.projectId,
    type: "gold.created",
    data: {
      goldLabelId: gold.goldLabelId,
      queueItemId: gold.item.id,
      queueId: gold.item.queueId,
      outputId: gold.item.outputId,
      method: gold.method,
      confidence: gold.confidence,
    },
  };
}
