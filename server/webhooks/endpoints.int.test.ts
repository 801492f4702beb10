import { TRPCError } from "@trpc/server";
import { afterEach, describe, expect, it } from "vitest";
import { seedProjectTeam, seedReviewers } from "@/db/seed/factories";
import { seedQueue, seedQueueItems } from "@/db/seed/loop";
import { setUpTestDatabase } from "@/db/testing/test-database";
import { createCaller } from "@/server/api/root";
import { createInnerContext } from "@/server/api/trpc";
import { publishAndWait } from "@/server/datasets/testing";
import { ValidationError } from "@/server/lib/errors";
import type { JobRunner } from "@/server/jobs/runner";
import type { SessionUser } from "@/server/users/schema";
import { getWebhookDelivery, sendTestWebhook } from "./delivery-service";
import { disableWebhookEndpoint, enableWebhookEndpoint, getWebhookEndpoint, rotateWebhookSecret } from "./endpoint-service";
import { emitWebhookEvent } from "./outbox";
import { seedEndpointWithReceiver, startTestRunner } from "./test-support";
import type { TestReceiver } from "./test-receiver";

const testDb = setUpTestDatabase();
let runner: JobRunner | null = null;
let receiver: TestReceiver | null = null;

afterEach(async () => {
  await runner?.stop();
  await receiver?.stop();
  runner = null;
  receiver = null;
});

const callerFor = (user: SessionUser) => createCaller(createInnerContext({ db: testDb.db, user }));

/** The code and field of a refused call. */
async function refusal(call: Promise<unknown>): Promise<{ code: string; field: string | undefined }> {
  const error = await call.then(
    () => null,
    (caught: unknown) => caught,
  );
  if (!(error instanceof TRPCError)) throw new Error(`expected a refusal, got ${String(error)}`);
  const cause = error.cause as { field?: string; issues?: { path: PropertyKey[] }[] } | undefined;
  return { code: error.code, field: cause?.field ?? cause?.issues?.[0]?.path.map(String).join(".") };
}

describe("webhook endpoints", () => {
  it("shows a whsec_ secret of at least 24 random bytes once, on create, and never lists it", async () => {
    const team = await seedProjectTeam(testDb.db);
    const ml = callerFor(team.members.ml);
    const created = await ml.webhooks.create({ projectId: team.project.id, url: "https://93.184.216.34/hooks", eventTypes: ["gold.created", "gold.created"] });
    expect(created.secret).toMatch(/^whsec_[A-Za-z0-9+/]+=*$/);
    expect(Buffer.from(created.secret.slice("whsec_".length), "base64").length).toBeGreaterThanOrEqual(24);
    expect(created.endpoint).toMatchObject({ url: "https://93.184.216.34/hooks", eventTypes: ["gold.created"], isEnabled: true });
    const listed = await ml.webhooks.list({ projectId: team.project.id });
    expect(JSON.stringify(listed)).not.toContain(created.secret.slice(6));
    expect(listed).toEqual([expect.not.objectContaining({ secret: expect.anything() })]);
  });

  it.each([
    ["http://10.0.0.5/hook", /10\.0\.0\.5, a private address/],
    ["http://169.254.169.254/latest/meta-data", /cloud metadata/],
    ["http://[::ffff:127.0.0.1]:8080/hook", /loopback/],
    ["http://[fd00:ec2::254]/", /cloud metadata/],
    ["http://100.64.1.1/", /CGNAT/],
    ["http://localhost:3000/hook", /loopback/],
    ["http://0x7f.1/hook", /127\.0\.0\.1, a loopback address/],
  ])("refuses %s with a 400 naming url", async (url, message) => {
    const team = await seedProjectTeam(testDb.db);
    const call = callerFor(team.members.admin).webhooks.create({ projectId: team.project.id, url, eventTypes: ["gold.created"] });
    await expect(refusal(call)).resolves.toEqual({ code: "BAD_REQUEST", field: "url" });
    await expect(call).rejects.toSatisfy((error: TRPCError) => error.cause instanceof ValidationError && message.test(error.cause.message));
    expect(await testDb.db.selectFrom("webhook_endpoints").select("id").where("project_id", "=", team.project.id).execute()).toEqual([]);
  });

  it.each(["ftp://93.184.216.34/x", "https://user:secret@93.184.216.34/x", "not a url", "javascript:alert(1)"])("refuses %j at the schema, naming url", async (url) => {
    const team = await seedProjectTeam(testDb.db);
    await expect(refusal(callerFor(team.members.admin).webhooks.create({ projectId: team.project.id, url, eventTypes: ["gold.created"] }))).resolves.toEqual({ code: "BAD_REQUEST", field: "url" });
  });

  it("checks a changed URL like a new one", async () => {
    const team = await seedProjectTeam(testDb.db);
    const admin = callerFor(team.members.admin);
    const { endpoint } = await admin.webhooks.create({ projectId: team.project.id, url: "https://93.184.216.34/hooks", eventTypes: ["gold.created"] });
    await expect(refusal(admin.webhooks.update({ projectId: team.project.id, endpointId: endpoint.id, url: "http://192.168.1.20/" }))).resolves.toEqual({ code: "BAD_REQUEST", field: "url" });
    const updated = await admin.webhooks.update({ projectId: team.project.id, endpointId: endpoint.id, description: "nightly trainer", eventTypes: ["release.published"] });
    expect(updated).toMatchObject({ url: "https://93.184.216.34/hooks", description: "nightly trainer", eventTypes: ["release.published"] });
  });

  it("after a rotation signs with both secrets for 24 hours, each verifying on its own, then with the new one only", async () => {
    const world = await seedEndpointWithReceiver(testDb.db);
    receiver = world.receiver;
    const [oldSecret] = world.secrets;
    const rotated = await rotateWebhookSecret(testDb.db, world.actor, world.endpoint.id);
    world.secrets.push(rotated.secret);
    expect(rotated.secret).not.toBe(oldSecret);
    expect(rotated.endpoint.previousSecretExpiresAt!.getTime() - Date.now()).toBeGreaterThan(23 * 3_600_000);
    runner = await startTestRunner(testDb.db, testDb.url);

    await sendTestWebhook(testDb.db, world.actor, world.endpoint.id);
    await expect.poll(() => receiver!.received.length, { timeout: 15_000 }).toBe(1);
    expect(receiver.received[0]!.signatures).toHaveLength(2);
    expect(receiver.received[0]!.verifiedWith.sort()).toEqual([oldSecret, rotated.secret].sort());

    await testDb.db.updateTable("webhook_endpoints").set({ previous_secret_expires_at: new Date(Date.now() - 1_000) }).where("id", "=", world.endpoint.id).execute();
    await sendTestWebhook(testDb.db, world.actor, world.endpoint.id);
    await expect.poll(() => receiver!.received.length, { timeout: 15_000 }).toBe(2);
    expect(receiver.received[1]!.signatures).toHaveLength(1);
    expect(receiver.received[1]!.verifiedWith).toEqual([rotated.secret]);
  });

  it("turns an endpoint off after failing continuously past the span, says why, audits it, and replays nothing on re-enable unless asked", async () => {
    const world = await seedEndpointWithReceiver(testDb.db);
    receiver = world.receiver;
    receiver.setMode("fail");
    runner = await startTestRunner(testDb.db, testDb.url, { retryScheduleMs: Array(10).fill(100), disableAfterMs: 0 });
    const first = await sendTestWebhook(testDb.db, world.actor, world.endpoint.id);

    await expect.poll(async () => (await getWebhookEndpoint(testDb.db, world.project.id, world.endpoint.id)).isEnabled, { timeout: 15_000 }).toBe(false);
    const disabled = await getWebhookEndpoint(testDb.db, world.project.id, world.endpoint.id);
    expect(disabled).toMatchObject({ isAutoDisabled: true, disabledReason: expect.stringMatching(/^every attempt has failed since \d{4}-\d\d-\d\d \d\d:\d\d UTC, 3 in a row; the last: HTTP 500$/) });
    const delivery = await getWebhookDelivery(testDb.db, world.project.id, first.deliveryId);
    expect(delivery).toMatchObject({ state: "failed", attemptCount: 3 });
    expect(delivery.attempts.map((attempt) => attempt.responseExcerpt)).toEqual(Array(3).fill("receiver is failing on purpose"));
    const audit = await testDb.db.selectFrom("audit_log").select(["action", "target_id as targetId"]).where("project_id", "=", world.project.id).where("action", "=", "webhook_endpoint.auto_disabled").execute();
    expect(audit).toEqual([{ action: "webhook_endpoint.auto_disabled", targetId: world.endpoint.id }]);
    // Test events need the endpoint on; events raised while it is off are not even queued for it.
    await expect(sendTestWebhook(testDb.db, world.actor, world.endpoint.id)).rejects.toThrow("this endpoint is off");

    receiver.setMode("ok");
    const enabled = await enableWebhookEndpoint(testDb.db, world.actor, { endpointId: world.endpoint.id });
    expect(enabled).toMatchObject({ replayed: 0, endpoint: { isEnabled: true, disabledReason: null, isAutoDisabled: false, consecutiveFailures: 0 } });
    const waiting = await testDb.db.selectFrom("webhook_deliveries").select("id").where("project_id", "=", world.project.id).where("state", "in", ["pending", "queued"]).execute();
    expect(waiting).toEqual([]);

    await disableWebhookEndpoint(testDb.db, world.actor, world.endpoint.id);
    const replaying = await enableWebhookEndpoint(testDb.db, world.actor, { endpointId: world.endpoint.id, replayFailedSince: new Date(Date.now() - 3_600_000) });
    expect(replaying.replayed).toBe(1);
    await expect.poll(() => receiver!.received.map((item) => item.payload.type), { timeout: 15_000 }).toEqual(["webhook.test"]);
    expect(receiver.received[0]!.webhookId).toBe(delivery.webhookId);
  });

  it("sends annotation.submitted, gold.created and conflict.opened from the review flow", async () => {
    const world = await seedEndpointWithReceiver(testDb.db);
    receiver = world.receiver;
    const projectId = world.project.id;
    const queue = await seedQueue(testDb.db, { projectId, overlap: 2 });
    const [agreeing, disagreeing] = await seedQueueItems(testDb.db, { projectId, queueId: queue.id, count: 2 });
    const reviewers = await seedReviewers(testDb.db, { projectId, count: 2 });
    for (const [index, reviewer] of reviewers.entries()) {
      const caller = callerFor(reviewer);
      for (let item = 0; item < 2; item += 1) {
        const task = await caller.review.claimNext({ projectId, queueId: queue.id });
        const isSecondItem = task!.assignment.queueItemId === disagreeing!.id;
        await caller.review.submit({ projectId, assignmentId: task!.assignment.id, values: { verdict: isSecondItem && index === 1 ? "harmful" : "helpful" } });
      }
    }
    runner = await startTestRunner(testDb.db, testDb.url);
    await expect.poll(() => receiver!.received.length, { timeout: 15_000 }).toBe(6);
    const byType = (type: string) => receiver!.received.filter((item) => item.payload.type === type).map((item) => item.payload.data);
    expect(byType("annotation.submitted")).toHaveLength(4);
    expect(byType("gold.created")).toEqual([expect.objectContaining({ queueItemId: agreeing!.id, queueId: queue.id, method: "unanimous", confidence: 1 })]);
    expect(byType("conflict.opened")).toEqual([expect.objectContaining({ queueItemId: disagreeing!.id, queueId: queue.id, reasons: [expect.any(String)] })]);

    await callerFor(world.members.lead).resolution.finalize({ projectId, queueItemId: disagreeing!.id, values: { verdict: "helpful" } });
    await expect.poll(() => byType("gold.created").length, { timeout: 15_000 }).toBe(2);
    expect(byType("gold.created")[1]).toMatchObject({ queueItemId: disagreeing!.id, method: "adjudicated" });
    expect(receiver.refused).toEqual([]);
  });

  it("sends gold.revised (and no second gold.created) for a revision, and release.published with the pull URL", async () => {
    const world = await seedEndpointWithReceiver(testDb.db, { eventTypes: ["gold.created", "gold.revised", "release.published"] });
    receiver = world.receiver;
    const projectId = world.project.id;
    const queue = await seedQueue(testDb.db, { projectId, overlap: 1 });
    const [item] = await seedQueueItems(testDb.db, { projectId, queueId: queue.id, count: 1 });
    const [reviewer] = await seedReviewers(testDb.db, { projectId, count: 1 });
    const task = await callerFor(reviewer!).review.claimNext({ projectId, queueId: queue.id });
    await callerFor(reviewer!).review.submit({ projectId, assignmentId: task!.assignment.id, values: { verdict: "helpful" } });
    const lead = callerFor(world.members.lead);
    await lead.resolution.reopenGold({ projectId, queueItemId: item!.id, reason: "The rubric now calls this harmful" });
    const { goldLabelId } = await lead.resolution.finalize({ projectId, queueItemId: item!.id, values: { verdict: "harmful" } });
    const ml = callerFor(world.members.ml);
    const dataset = await ml.datasets.create({ projectId, name: "Revised gold", queueIds: [queue.id] });
    await publishAndWait(testDb.db, ml, { projectId, datasetId: dataset.id });

    runner = await startTestRunner(testDb.db, testDb.url);
    await expect.poll(() => receiver!.received.length, { timeout: 15_000 }).toBe(3);
    const byType = (type: string) => receiver!.received.filter((received) => received.payload.type === type).map((received) => received.payload.data);
    const [created] = byType("gold.created") as Array<{ goldLabelId: number }>;
    expect(byType("gold.created")).toHaveLength(1);
    expect(byType("gold.revised")).toEqual([
      { goldLabelId, supersedes: created!.goldLabelId, queueItemId: item!.id, queueId: queue.id, outputId: expect.any(Number), reason: "The rubric now calls this harmful" },
    ]);
    expect(byType("release.published")).toEqual([
      { datasetId: dataset.id, datasetSlug: "revised-gold", release: 1, rowCount: 1, pullUrl: expect.stringMatching(/^https?:\/\/[^/]+\/api\/v1\/datasets\/revised-gold\/releases\/1$/) },
    ]);
    expect(receiver.refused).toEqual([]);
  });

  it("pages the delivery log newest first without skipping deliveries made in one transaction, and filters by state", async () => {
    const team = await seedProjectTeam(testDb.db);
    const projectId = team.project.id;
    const ml = callerFor(team.members.ml);
    const { endpoint } = await ml.webhooks.create({ projectId, url: "https://93.184.216.34/hooks", eventTypes: ["gold.created"] });
    const gold = (goldLabelId: number) => ({ goldLabelId, queueItemId: 1, queueId: "00000000-0000-4000-8000-000000000001", outputId: 1, method: "unanimous", confidence: 1 });
    // Five events in one transaction share their created_at; two more come later.
    await testDb.db.transaction().execute(async (trx) => {
      for (let id = 1; id <= 5; id += 1) await emitWebhookEvent(trx, { projectId, type: "gold.created", data: gold(id) });
    });
    for (const id of [6, 7]) await testDb.db.transaction().execute((trx) => emitWebhookEvent(trx, { projectId, type: "gold.created", data: gold(id) }));

    const seen: string[] = [];
    let afterDeliveryId: string | undefined;
    for (let page = 0; page < 5; page += 1) {
      const rows = await ml.webhooks.listDeliveries({ projectId, endpointId: endpoint.id, limit: 3, afterDeliveryId });
      seen.push(...rows.map((row) => row.id));
      if (rows.length < 3) break;
      afterDeliveryId = rows.at(-1)!.id;
    }
    const all = await testDb.db.selectFrom("webhook_deliveries").select("id").where("endpoint_id", "=", endpoint.id).orderBy("created_at", "desc").orderBy("id", "desc").execute();
    expect(seen).toEqual(all.map((row) => row.id));
    expect(seen).toHaveLength(7);
    await expect(ml.webhooks.listDeliveries({ projectId, endpointId: endpoint.id, state: "failed" })).resolves.toEqual([]);
    expect(await ml.webhooks.listDeliveries({ projectId, endpointId: endpoint.id, state: "pending" })).toHaveLength(7);
    const other = await seedProjectTeam(testDb.db);
    await expect(refusal(callerFor(other.members.ml).webhooks.listDeliveries({ projectId: other.project.id, endpointId: endpoint.id }))).resolves.toEqual({ code: "NOT_FOUND", field: "endpointId" });
  });
});
