import { sql } from "kysely";
import { afterEach, describe, expect, it } from "vitest";
import { setUpTestDatabase } from "@/db/testing/test-database";
import type { JobRunner } from "@/server/jobs/runner";
import { getWebhookDelivery, replayWebhookDelivery, sendTestWebhook } from "./delivery-service";
import { emitWebhookEvent } from "./outbox";
import { pruneWebhookHistory } from "./retention";
import { webhookMessageId } from "./signing";
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

const goldData = (goldLabelId: number) => ({ goldLabelId, queueItemId: 1, queueId: "00000000-0000-4000-8000-000000000001", outputId: 1, method: "unanimous", confidence: 1 });

/** Commits one gold.created event and returns its webhook-id. */
async function commitGoldEvent(projectId: string, goldLabelId: number): Promise<string> {
  const emitted = await testDb.db.transaction().execute((trx) => emitWebhookEvent(trx, { projectId, type: "gold.created", data: goldData(goldLabelId) }));
  return webhookMessageId(emitted!.eventId);
}

const deliveryStates = (projectId: string) =>
  testDb.db.selectFrom("webhook_deliveries").select(["state", "attempt_count as attempts"]).where("project_id", "=", projectId).orderBy("created_at").execute();

describe("webhook delivery to a real receiver on loopback", () => {
  it("signs each event so Webhook.verify accepts it, with the payload {type, timestamp, data}, and logs the attempt", async () => {
    const world = await seedEndpointWithReceiver(testDb.db);
    receiver = world.receiver;
    runner = await startTestRunner(testDb.db, testDb.url);
    const webhookId = await commitGoldEvent(world.project.id, 41);

    await expect.poll(() => receiver!.received.length, { timeout: 15_000 }).toBe(1);
    const [got] = receiver.received;
    expect(got).toMatchObject({ webhookId, payload: { type: "gold.created", data: goldData(41) }, verifiedWith: world.secrets });
    expect(new Date(got!.payload.timestamp).toISOString()).toBe(got!.payload.timestamp);
    expect(receiver.refused).toEqual([]);

    await expect.poll(async () => (await deliveryStates(world.project.id))[0]?.state, { timeout: 10_000 }).toBe("succeeded");
    const [row] = await testDb.db.selectFrom("webhook_deliveries").select("id").where("project_id", "=", world.project.id).execute();
    const detail = await getWebhookDelivery(testDb.db, world.project.id, row!.id);
    expect(detail).toMatchObject({ webhookId, state: "succeeded", attemptCount: 1, eventType: "gold.created" });
    expect(detail.attempts).toEqual([expect.objectContaining({ attempt: 1, statusCode: 204, isSuccess: true, error: null, url: world.receiver.url })]);
    expect(detail.attempts[0]!.latencyMs).toBeGreaterThanOrEqual(0);
  });

  it("sends nothing for a change that rolls back, and writes no outbox row for it", async () => {
    const world = await seedEndpointWithReceiver(testDb.db);
    receiver = world.receiver;
    runner = await startTestRunner(testDb.db, testDb.url);
    await expect(
      testDb.db.transaction().execute(async (trx) => {
        await emitWebhookEvent(trx, { projectId: world.project.id, type: "gold.created", data: goldData(1) });
        throw new Error("the change fails after raising its event");
      }),
    ).rejects.toThrow("the change fails");
    // A later committed event is delivered; the receiver sees it alone, and it would have come second.
    const committed = await commitGoldEvent(world.project.id, 2);
    await expect.poll(() => receiver!.received.length, { timeout: 15_000 }).toBeGreaterThan(0);
    expect(receiver.received.map((item) => item.webhookId)).toEqual([committed]);
    const events = await testDb.db.selectFrom("webhook_events").select("payload").where("project_id", "=", world.project.id).execute();
    expect(events.map((event) => JSON.parse(event.payload).data.goldLabelId)).toEqual([2]);
  });

  it("loses nothing while the receiver is down for several retry rounds, and delivers each event once per webhook-id when it is back", async () => {
    const world = await seedEndpointWithReceiver(testDb.db);
    receiver = world.receiver;
    await receiver.stop();
    runner = await startTestRunner(testDb.db, testDb.url, { retryScheduleMs: Array(12).fill(150) });
    const ids = [await commitGoldEvent(world.project.id, 1), await commitGoldEvent(world.project.id, 2), await commitGoldEvent(world.project.id, 3)];

    // Every delivery fails at least three times against the closed port before the receiver comes back.
    await expect.poll(async () => Math.min(...(await deliveryStates(world.project.id)).map((row) => row.attempts)), { timeout: 30_000 }).toBeGreaterThanOrEqual(3);
    expect((await deliveryStates(world.project.id)).every((row) => row.state !== "failed")).toBe(true);
    await receiver.start();

    await expect.poll(async () => (await deliveryStates(world.project.id)).map((row) => row.state), { timeout: 30_000 }).toEqual(["succeeded", "succeeded", "succeeded"]);
    expect(Object.fromEntries(receiver.countsById())).toEqual(Object.fromEntries(ids.map((id) => [id, 1])));
    const failures = await testDb.db.selectFrom("webhook_attempts").select(["error", "status_code"]).where("project_id", "=", world.project.id).where("is_success", "=", false).execute();
    expect(failures.length).toBeGreaterThanOrEqual(9);
    expect(failures.every((attempt) => attempt.status_code === null && /ECONNREFUSED/.test(attempt.error ?? ""))).toBe(true);
  });

  it("delivers events committed while no worker ran (a crash between commit and delivery), and deliveries whose job was lost", async () => {
    const world = await seedEndpointWithReceiver(testDb.db);
    receiver = world.receiver;
    const beforeStart = await commitGoldEvent(world.project.id, 7);
    // Handed to pg-boss by a dispatcher that then died with its job: queued long ago, no job behind it.
    const stranded = await commitGoldEvent(world.project.id, 8);
    await testDb.db
      .updateTable("webhook_deliveries")
      .set({ state: "queued", queued_at: sql`now() - interval '1 hour'` })
      .where("event_id", "=", (await testDb.db.selectFrom("webhook_events").select("id").where("payload", "like", '%"goldLabelId":8%').executeTakeFirstOrThrow()).id)
      .execute();

    runner = await startTestRunner(testDb.db, testDb.url);
    await expect.poll(() => receiver!.received.map((item) => item.webhookId).sort(), { timeout: 15_000 }).toEqual([beforeStart, stranded].sort());
  });

  it("gives up after the last retry, records a 3xx as a failure without following it, and a replay sends the same webhook-id again", async () => {
    const world = await seedEndpointWithReceiver(testDb.db);
    receiver = world.receiver;
    receiver.setMode("redirect");
    runner = await startTestRunner(testDb.db, testDb.url, { retryScheduleMs: [100, 100] });
    const webhookId = await commitGoldEvent(world.project.id, 5);
    await expect.poll(async () => (await deliveryStates(world.project.id))[0], { timeout: 15_000 }).toEqual({ state: "failed", attempts: 3 });
    const [failed] = await testDb.db.selectFrom("webhook_deliveries").select("id").where("project_id", "=", world.project.id).execute();
    const detail = await getWebhookDelivery(testDb.db, world.project.id, failed!.id);
    expect(detail.attempts.map((attempt) => [attempt.statusCode, attempt.error])).toEqual(Array(3).fill([307, "redirect (307) not followed"]));

    receiver.setMode("ok");
    const replay = await replayWebhookDelivery(testDb.db, world.actor, failed!.id);
    await expect.poll(() => receiver!.received.map((item) => item.webhookId), { timeout: 15_000 }).toEqual([webhookId]);
    await expect.poll(async () => (await getWebhookDelivery(testDb.db, world.project.id, replay.deliveryId)).state, { timeout: 10_000 }).toBe("succeeded");
    expect((await getWebhookDelivery(testDb.db, world.project.id, replay.deliveryId)).replayOf).toBe(failed!.id);
  });

  it("reads at most a 4 KB excerpt of a long response", async () => {
    const world = await seedEndpointWithReceiver(testDb.db);
    receiver = world.receiver;
    receiver.setMode("huge");
    runner = await startTestRunner(testDb.db, testDb.url);
    const { deliveryId } = await sendTestWebhook(testDb.db, world.actor, world.endpoint.id);
    await expect.poll(async () => (await getWebhookDelivery(testDb.db, world.project.id, deliveryId)).state, { timeout: 15_000 }).toBe("succeeded");
    const [attempt] = (await getWebhookDelivery(testDb.db, world.project.id, deliveryId)).attempts;
    expect(attempt).toMatchObject({ statusCode: 200, isSuccess: true });
    expect(attempt!.responseExcerpt!.length).toBeLessThanOrEqual(4_096);
    expect(attempt!.responseExcerpt).toMatch(/^x{1000,}$/);
    expect(receiver.received[0]!.payload).toMatchObject({ type: "webhook.test", data: { endpointId: world.endpoint.id } });
  });

  it("checks the address again when sending: an endpoint whose host is no longer allowed is not contacted", async () => {
    const world = await seedEndpointWithReceiver(testDb.db);
    receiver = world.receiver;
    runner = await startTestRunner(testDb.db, testDb.url, { retryScheduleMs: [], urlPolicy: { allowedHosts: [], allowPrivate: false } });
    const { deliveryId } = await sendTestWebhook(testDb.db, world.actor, world.endpoint.id);
    await expect.poll(async () => (await getWebhookDelivery(testDb.db, world.project.id, deliveryId)).state, { timeout: 15_000 }).toBe("failed");
    const [attempt] = (await getWebhookDelivery(testDb.db, world.project.id, deliveryId)).attempts;
    expect(attempt!.error).toMatch(/^refused before sending: 127\.0\.0\.1 resolves to 127\.0\.0\.1, a loopback address/);
    expect(receiver.received).toEqual([]);
    expect(receiver.refused).toEqual([]);
  });

  it("prunes settled events older than 30 days with their deliveries and attempts, keeping any still on its way or replayed since", async () => {
    const world = await seedEndpointWithReceiver(testDb.db);
    receiver = world.receiver;
    const projectId = world.project.id;
    for (const goldLabelId of [1, 2, 3, 4]) await commitGoldEvent(projectId, goldLabelId);
    const eventIdOf = (goldLabelId: number) =>
      testDb.db.selectFrom("webhook_events").select("id").where("project_id", "=", projectId).where("payload", "like", `%"goldLabelId":${goldLabelId},%`).executeTakeFirstOrThrow();
    const [settled, waiting, recent, replayed] = await Promise.all([eventIdOf(1), eventIdOf(2), eventIdOf(3), eventIdOf(4)]);
    const longAgo = sql<Date>`now() - interval '40 days'`;
    await testDb.db.updateTable("webhook_events").set({ created_at: longAgo }).where("id", "in", [settled.id, waiting.id, replayed.id]).execute();
    await testDb.db.updateTable("webhook_deliveries").set({ state: "succeeded", created_at: longAgo }).where("event_id", "in", [settled.id, recent.id]).execute();
    await testDb.db.updateTable("webhook_deliveries").set({ created_at: longAgo }).where("event_id", "=", waiting.id).execute();
    // The replayed event's delivery is a replay made today.
    await testDb.db.updateTable("webhook_deliveries").set({ state: "succeeded" }).where("event_id", "=", replayed.id).execute();

    await expect(pruneWebhookHistory(testDb.db)).resolves.toBe(1);
    const left = await testDb.db.selectFrom("webhook_events").select("id").where("project_id", "=", projectId).execute();
    expect(left.map((event) => event.id).sort()).toEqual([waiting.id, recent.id, replayed.id].sort());
  });
});
