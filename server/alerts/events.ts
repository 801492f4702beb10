import type { Transaction } from "kysely";
import type { DB } from "@/db/types";
import { getPublicUrl } from "@/server/lib/env";
import { emitWebhookEvent } from "@/server/webhooks/outbox";
import type { WebhookEventData } from "@/server/webhooks/schema";
import { findAlert, type AlertDetail } from "./alert-queries";
import type { WebhookAlertEvidence } from "./evidence-schema";

/** Where a person sees the alert: its page under the project's Loop health. */
export const alertPagePath = (projectSlug: string, alertId: string) => `/p/${projectSlug}/health/alerts/${alertId}`;

/** The evidence without people's names: webhooks identify annotators by id. */
function webhookEvidence(alert: AlertDetail): WebhookAlertEvidence {
  const { annotator, ...rest } = alert.evidence;
  return { ...rest, annotator: annotator ? { id: annotator.id } : null };
}

function alertEventData(alert: AlertDetail, projectSlug: string): WebhookEventData<"alert.raised"> {
  return {
    alertId: alert.id,
    detector: alert.detector,
    ruleId: alert.ruleId,
    scope: { key: alert.scopeKey, queueId: alert.queueId, annotatorId: alert.evidence.annotator?.id ?? null, feature: alert.evidence.feature },
    granularity: alert.granularity,
    severity: alert.severity,
    title: alert.title,
    state: alert.state,
    firstWindow: alert.firstWindow.toISOString(),
    lastFiringWindow: alert.lastFiringWindow.toISOString(),
    resolvedReason: alert.resolvedReason,
    evidence: webhookEvidence(alert),
    healthUrl: `${getPublicUrl()}${alertPagePath(projectSlug, alert.id)}`,
  };
}

/**
 * Sends `alert.raised` or `alert.resolved` for the alert as it is now, through the outbox of the
 * transaction that changed it: a rolled-back change announces nothing.
 */
export async function emitAlertEvent(trx: Transaction<DB>, projectId: string, type: "alert.raised" | "alert.resolved", alertId: string): Promise<void> {
  const alert = (await findAlert(trx, projectId, alertId))!;
  const project = await trx.selectFrom("projects").select("slug").where("id", "=", projectId).executeTakeFirstOrThrow();
  await emitWebhookEvent(trx, { projectId, type, data: alertEventData(alert, project.slug) });
}
