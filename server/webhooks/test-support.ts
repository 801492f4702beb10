import type { Database } from "@/db";
import { seedProjectTeam } from "@/db/seed/factories";
import { startJobRunner } from "@/server/jobs/runner";
import type { UrlPolicy } from "./config";
import { createWebhookEndpoint, type WebhookActor } from "./endpoint-service";
import type { WebhookEventType } from "./schema";
import { startTestReceiver } from "./test-receiver";

/** Tests reach the loopback receiver through the allow-list, as the README tells developers to. */
export const LOOPBACK_POLICY: UrlPolicy = { allowedHosts: ["127.0.0.1"], allowPrivate: false };
export const silentLog = { error: () => {}, warn: () => {} };

/** A team, a receiver on loopback that knows the endpoint's secrets, and an endpoint pointed at it. */
export async function seedEndpointWithReceiver(db: Database, options: { eventTypes?: WebhookEventType[] } = {}) {
  const team = await seedProjectTeam(db);
  const secrets: string[] = [];
  const receiver = await startTestReceiver({ secrets: () => secrets });
  const actor: WebhookActor = { projectId: team.project.id, userId: team.members.admin.id };
  const eventTypes = options.eventTypes ?? ["gold.created", "conflict.opened", "annotation.submitted", "webhook.test", "release.published"];
  const { endpoint, secret } = await createWebhookEndpoint(db, actor, { url: receiver.url, description: "test receiver", eventTypes, isEnabled: true }, { urlPolicy: LOOPBACK_POLICY });
  secrets.push(secret);
  return { ...team, actor, receiver, endpoint, secrets };
}

/** The job runner with webhook retries shortened to `retryScheduleMs` and the receiver allowed. */
export function startTestRunner(db: Database, url: string, policy: { retryScheduleMs?: number[]; disableAfterMs?: number; urlPolicy?: UrlPolicy } = {}) {
  return startJobRunner({
    connectionString: url,
    db,
    log: silentLog,
    webhooks: {
      pollIntervalMs: 100,
      urlPolicy: policy.urlPolicy ?? LOOPBACK_POLICY,
      deliveryPolicy: { retryScheduleMs: policy.retryScheduleMs ?? [100, 100, 100], disableAfterMs: policy.disableAfterMs ?? 86_400_000 },
    },
  });
}
