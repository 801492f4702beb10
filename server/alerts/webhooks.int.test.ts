import { sql } from "kysely";
import { afterEach, describe, expect, it } from "vitest";
import { seedQueue } from "@/db/seed/loop";
import { setUpTestDatabase } from "@/db/testing/test-database";
import { createCaller } from "@/server/api/root";
import { createInnerContext } from "@/server/api/trpc";
import type { JobRunner } from "@/server/jobs/runner";
import type { TestReceiver } from "@/server/webhooks/test-receiver";
import { seedEndpointWithReceiver, startTestRunner } from "@/server/webhooks/test-support";
import { evaluateAlerts } from "./evaluate-service";
import { disableBuiltInDetectors, insertMetricPoints } from "./testing";
import { WINDOW_MS } from "./windows";

const testDb = setUpTestDatabase();
let runner: JobRunner | null = null;
let receiver: TestReceiver | null = null;

afterEach(async () => {
  await runner?.stop();
  await receiver?.stop();
  runner = null;
  receiver = null;
});

const DAY = WINDOW_MS.day;
const firstDay = new Date("2026-11-10T00:00:00Z");
const dayAt = (index: number) => new Date(firstDay.getTime() + index * DAY);
const noonAfter = (index: number) => new Date(dayAt(index + 1).getTime() + 12 * 3_600_000);

describe("alert webhooks", () => {
  it("sends alert.raised and alert.resolved, signed, with the evidence and the annotator by id only", async () => {
    const world = await seedEndpointWithReceiver(testDb.db, { eventTypes: ["alert.raised", "alert.resolved"] });
    receiver = world.receiver;
    const projectId = world.project.id;
    await disableBuiltInDetectors(testDb.db, { projectId, userId: world.members.admin.id });
    const queue = await seedQueue(testDb.db, { projectId, name: "Support replies" });
    const lead = createCaller(createInnerContext({ db: testDb.db, user: world.members.lead }));
    const rule = await lead.alerts.rules.create({ projectId, name: "Decoys accepted", metric: "annotator.decoy_acceptance", comparator: ">=", threshold: 0.5, queueId: queue.id, clearWindows: 1 });
    const annotator = world.members.annotator;
    const decoyAcceptance = (index: number, value: number) =>
      insertMetricPoints(testDb.db, { projectId, queueId: queue.id, subject: annotator.id, metric: "annotator.decoy_acceptance", lastWindow: dayAt(index), values: [value], sampleSize: 8 });
    runner = await startTestRunner(testDb.db, testDb.url);

    await decoyAcceptance(0, 0.1);
    await decoyAcceptance(1, 0.75);
    const [raised] = (await evaluateAlerts(testDb.db, projectId, { now: noonAfter(1) })).raised;
    await expect.poll(() => receiver!.received.length, { timeout: 15_000 }).toBe(1);
    const [raisedEvent] = receiver.received;
    expect(raisedEvent!.verifiedWith).toEqual(world.secrets);
    expect(raisedEvent!.payload).toMatchObject({
      type: "alert.raised",
      data: {
        alertId: raised!.id,
        detector: "rule",
        ruleId: rule.id,
        scope: { key: `rule:${rule.id}/queue:${queue.id}/annotator:${annotator.id}`, queueId: queue.id, annotatorId: annotator.id, feature: null },
        granularity: "day",
        severity: "warning",
        state: "open",
        title: raised!.title,
        firstWindow: dayAt(1).toISOString(),
        lastFiringWindow: dayAt(1).toISOString(),
        resolvedReason: null,
        evidence: {
          rule: { id: rule.id, metric: "annotator.decoy_acceptance", comparator: ">=", threshold: 0.5 },
          threshold: { comparator: ">=", value: 0.5 },
          queue: { id: queue.id, name: "Support replies" },
          annotator: { id: annotator.id },
          series: [
            { window: dayAt(0).toISOString(), statistic: 0.1, n: 8, firing: false },
            { window: dayAt(1).toISOString(), statistic: 0.75, n: 8, firing: true },
          ],
        },
        healthUrl: expect.stringMatching(new RegExp(`/p/${world.project.slug}/health/alerts/${raised!.id}$`)),
      },
    });
    expect(JSON.stringify(raisedEvent!.payload)).not.toContain(annotator.name);
    const stored = await lead.alerts.get({ projectId, alertId: raised!.id });
    expect(stored.evidence.annotator).toEqual({ id: annotator.id, name: annotator.name });

    await decoyAcceptance(2, 0.2);
    expect((await evaluateAlerts(testDb.db, projectId, { now: noonAfter(2) })).resolved).toHaveLength(1);
    await expect.poll(() => receiver!.received.length, { timeout: 15_000 }).toBe(2);
    expect(receiver.received[1]!.payload).toMatchObject({ type: "alert.resolved", data: { alertId: raised!.id, state: "resolved", resolvedReason: "cleared" } });
    expect(receiver.received[1]!.verifiedWith).toEqual(world.secrets);
    expect(receiver.refused).toEqual([]);
  });

  it("writes neither the alert nor its event when the outbox fails", async () => {
    const world = await seedEndpointWithReceiver(testDb.db, { eventTypes: ["alert.raised"] });
    receiver = world.receiver;
    const projectId = world.project.id;
    await disableBuiltInDetectors(testDb.db, { projectId, userId: world.members.admin.id });
    const lead = createCaller(createInnerContext({ db: testDb.db, user: world.members.lead }));
    await lead.alerts.rules.create({ projectId, name: "Thumbs down", metric: "signals.thumbs_down", comparator: ">", threshold: 0.2 });
    await insertMetricPoints(testDb.db, { projectId, queueId: null, metric: "signals.thumbs_down", lastWindow: dayAt(0), values: [0.4] });
    // The outbox refusing the delivery must take the alert down with it: they commit together or not at all.
    await sql`create function refuse_deliveries() returns trigger language plpgsql as $$ begin raise exception 'deliveries refused'; end $$`.execute(testDb.db);
    await sql`create trigger refuse_deliveries before insert on webhook_deliveries for each row execute function refuse_deliveries()`.execute(testDb.db);
    try {
      await expect(evaluateAlerts(testDb.db, projectId, { now: noonAfter(0) })).rejects.toThrow(/deliveries refused/);
    } finally {
      await sql`drop trigger refuse_deliveries on webhook_deliveries`.execute(testDb.db);
    }
    expect(await testDb.db.selectFrom("alerts").select("id").where("project_id", "=", projectId).execute()).toEqual([]);
    expect(await testDb.db.selectFrom("webhook_events").select("id").where("project_id", "=", projectId).execute()).toEqual([]);
    expect((await evaluateAlerts(testDb.db, projectId, { now: noonAfter(0) })).raised).toHaveLength(1);
  });
});
