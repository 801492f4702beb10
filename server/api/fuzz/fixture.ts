import { seedProjectTeam, seedReviewers, seedUser } from "@/db/seed/factories";
import { seedGold, seedOutputs, seedQueue, seedQueueItems } from "@/db/seed/loop";
import type { Database } from "@/db";
import { seedLiveAlert } from "@/server/alerts/testing";
import type { ApiKeyScope } from "@/server/api-keys/schema";
import { createApiKey, revokeProjectApiKey } from "@/server/api-keys/service";
import { publishRelease } from "@/server/datasets/service";
import { createInvite } from "@/server/members/invite-service";
import type { SessionUser } from "@/server/users/schema";
import { sendTestWebhook } from "@/server/webhooks/delivery-service";
import { createWebhookEndpoint } from "@/server/webhooks/endpoint-service";
import { createCaller } from "../root";
import { createInnerContext } from "../trpc";

const callerFor = (db: Database, user: SessionUser) => createCaller(createInnerContext({ db, user }));

/**
 * One project with something behind every id a procedure takes: a queue with an active assignment, an item
 * in conflict, a dataset with a release, an invite, API keys and outputs. Built through the services, as
 * people would build it.
 */
async function seedWorld(db: Database) {
  const team = await seedProjectTeam(db);
  const projectId = team.project.id;
  const admin = { projectId, userId: team.members.admin.id, role: "admin" as const };
  const queue = await seedQueue(db, { projectId, overlap: 2 });
  const items = await seedQueueItems(db, { projectId, queueId: queue.id, count: 4 });
  const task = await callerFor(db, team.members.annotator).review.claimNext({ projectId, queueId: queue.id });
  const leadTask = await callerFor(db, team.members.lead).review.claimNext({ projectId, queueId: queue.id });

  const conflictQueue = await seedQueue(db, { projectId, overlap: 2 });
  const [conflictItem] = await seedQueueItems(db, { projectId, queueId: conflictQueue.id, count: 1 });
  // Two answers that disagree leave the item in conflict, for the lead to finalize.
  for (const [index, reviewer] of (await seedReviewers(db, { projectId, count: 2 })).entries()) {
    const claimed = await callerFor(db, reviewer).review.claimNext({ projectId, queueId: conflictQueue.id });
    await callerFor(db, reviewer).review.submit({ projectId, assignmentId: claimed!.assignment.id, values: { verdict: index === 0 ? "helpful" : "harmful" } });
  }

  // A queue of its own, with one item, so removing the item (queues.removeItem) or archiving and restoring the
  // queue takes nothing another target reads.
  const removableQueue = await seedQueue(db, { projectId, overlap: 1 });
  const [removableItem] = await seedQueueItems(db, { projectId, queueId: removableQueue.id, count: 1 });

  const gold = await seedGold(db, { projectId, queueId: queue.id, label: "helpful", correction: "Refunds take 3 days." });
  const ml = callerFor(db, team.members.ml);
  const dataset = await ml.datasets.create({ projectId, name: "Support gold", queueIds: [queue.id] });
  // Published here and now (a request only queues it), so every release procedure has a published release to read.
  await publishRelease(db, { projectId, userId: team.members.ml.id }, { datasetId: dataset.id, notes: "first" });

  const createLink = () => createInvite(db, admin, { role: "annotator", expiresInDays: 7 }, { publicUrl: "http://localhost", mailer: null });
  const invite = await createLink();
  const revocableInvite = await createLink();
  const createKey = (name: string, scopes: ApiKeyScope[]) => createApiKey(db, admin, { name, scopes });
  const [ingestKey, readerKey, adminKey, revocableKey, revokedKey] = [
    await createKey("ingest", ["ingest"]),
    await createKey("reader", ["datasets:read"]),
    await createKey("admin", ["admin"]),
    await createKey("to revoke", ["ingest"]),
    await createKey("revoked", ["admin"]),
  ];
  await revokeProjectApiKey(db, admin, revokedKey.key.id);
  const outputs = await seedOutputs(db, { projectId, count: 3 });
  // A public address literal: no DNS, and no worker runs here, so nothing is sent.
  const createEndpoint = () => createWebhookEndpoint(db, admin, { url: "https://93.184.216.34/hooks", description: "", eventTypes: ["gold.created"], isEnabled: true });
  const { endpoint } = await createEndpoint();
  const { endpoint: deletableEndpoint } = await createEndpoint();
  const { deliveryId } = await sendTestWebhook(db, admin, endpoint.id);
  const alerts = await seedLiveAlert(db, admin);

  return {
    ...team,
    queue,
    items,
    assignmentId: task!.assignment.id,
    leadAssignmentId: leadTask!.assignment.id,
    conflictItemId: conflictItem!.id,
    goldItemId: gold.queueItemId,
    removableItemId: removableItem!.id,
    removableQueueId: removableQueue.id,
    dataset: { id: dataset.id, slug: dataset.slug },
    invite: { id: invite.id, token: invite.url.split("/invite/")[1]! },
    revocableInviteId: revocableInvite.id,
    apiKeyId: revocableKey.key.id,
    secrets: { ingest: ingestKey.secret, datasetsRead: readerKey.secret, admin: adminKey.secret, revoked: revokedKey.secret },
    outputExternalIds: outputs.map((output) => output.externalId),
    webhook: { endpointId: endpoint.id, deletableEndpointId: deletableEndpoint.id, deliveryId },
    alerts,
  };
}

/**
 * What the fuzz suite needs: a project to act in, a second ("foreign") project whose ids must never work
 * in the first, an instance admin, a signed-in person with no project, one member to remove and one person
 * to accept the invite.
 */
export async function seedFuzzFixture(db: Database) {
  const world = await seedWorld(db);
  const foreign = await seedWorld(db);
  const [victim] = await seedReviewers(db, { projectId: world.project.id, count: 1 });
  return {
    ...world,
    foreign,
    victim: victim!,
    joiner: await seedUser(db, { name: "Joiner" }),
    instanceAdmin: await seedUser(db, { isInstanceAdmin: true }),
    /** Ids of the other project, of every kind; each must be refused as if it did not exist. */
    foreignIds: [
      foreign.project.id,
      foreign.queue.id,
      foreign.dataset.id,
      foreign.invite.id,
      foreign.apiKeyId,
      foreign.members.annotator.id,
      foreign.assignmentId,
      foreign.conflictItemId,
      foreign.goldItemId,
      foreign.items[0]!.id,
      foreign.removableItemId,
      foreign.removableQueueId,
      foreign.webhook.endpointId,
      foreign.webhook.deliveryId,
      foreign.alerts.alertId,
      foreign.alerts.ruleId,
    ] as (string | number)[],
  };
}

export type FuzzFixture = Awaited<ReturnType<typeof seedFuzzFixture>>;
