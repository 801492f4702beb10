import { beforeAll, describe, expect, it } from "vitest";
import { seedProjectTeam, seedReviewers } from "@/db/seed/factories";
import { seedQueue, seedQueueItems } from "@/db/seed/loop";
import { setUpTestDatabase } from "@/db/testing/test-database";
import { startTestRunner } from "@/server/webhooks/test-support";
import { TRUTH_REFIT_SCHEDULER_JOB } from "./jobs";
import { listQueuesDueForRefit } from "./refit-due";
import { runRefitRequest, scheduleDueRefits } from "./refit-job";
import { findLatestRefitRequest, requestRefit, setRefitPhase, startRefitRequest } from "./refit-requests";
import { seedAnswers } from "./test-support";

const testDb = setUpTestDatabase();
let team: Awaited<ReturnType<typeof seedProjectTeam>>;
let annotators: Awaited<ReturnType<typeof seedReviewers>>;

beforeAll(async () => {
  team = await seedProjectTeam(testDb.db);
  annotators = await seedReviewers(testDb.db, { projectId: team.project.id, count: 2 });
});

const secondsAgo = (seconds: number) => new Date(Date.now() - seconds * 1000);

/** A queue with 4 items both annotators answered, the answers `ageSeconds` old. */
async function seedAnsweredQueue(ageSeconds: number) {
  const queue = await seedQueue(testDb.db, { projectId: team.project.id });
  const items = await seedQueueItems(testDb.db, { projectId: team.project.id, queueId: queue.id, count: 4 });
  await seedAnswers(
    testDb.db,
    { projectId: team.project.id, queueId: queue.id },
    items.flatMap((item) => annotators.map((annotator) => ({ queueItemId: item.id, annotatorId: annotator.id, value: "helpful", createdAt: secondsAgo(ageSeconds) }))),
  );
  return { queue, items };
}

const dueQueueIds = async () => (await listQueuesDueForRefit(testDb.db)).map((due) => due.queueId);

describe("refit scheduling", () => {
  it("waits until the newest answer is 30 s old, unless the last refit is 10 minutes old", async () => {
    const quiet = await seedAnsweredQueue(100);
    const busy = await seedAnsweredQueue(5);
    const empty = await seedQueue(testDb.db, { projectId: team.project.id });
    // Never refitted: due at once, however fresh its answers.
    expect(await dueQueueIds()).toEqual(expect.arrayContaining([quiet.queue.id, busy.queue.id]));
    expect(await dueQueueIds()).not.toContain(empty.id);

    for (const { queue } of [quiet, busy]) {
      const request = await requestRefit(testDb.db, { projectId: team.project.id, queueId: queue.id, requestedBy: null });
      await runRefitRequest(testDb.db, request.id);
      await testDb.db.updateTable("truth_refit_requests").set({ requested_at: secondsAgo(90) }).where("id", "=", request.id).execute();
      await testDb.db.updateTable("quality_fits").set({ fitted_at: secondsAgo(90) }).where("queue_id", "=", queue.id).execute();
    }
    expect(await dueQueueIds()).not.toContain(quiet.queue.id);

    // New answers on both: the quiet queue's are 40 s old (due), the busy queue's 5 s (it waits)…
    await seedAnswers(testDb.db, { projectId: team.project.id, queueId: quiet.queue.id }, [{ queueItemId: quiet.items[0]!.id, annotatorId: team.members.lead.id, value: "harmful", createdAt: secondsAgo(40) }]);
    await seedAnswers(testDb.db, { projectId: team.project.id, queueId: busy.queue.id }, [{ queueItemId: busy.items[0]!.id, annotatorId: team.members.lead.id, value: "harmful", createdAt: secondsAgo(5) }]);
    expect(await dueQueueIds()).toContain(quiet.queue.id);
    expect(await dueQueueIds()).not.toContain(busy.queue.id);

    // …until its last refit is 10 minutes old.
    await testDb.db.updateTable("quality_fits").set({ fitted_at: secondsAgo(11 * 60) }).where("queue_id", "=", busy.queue.id).execute();
    await testDb.db.updateTable("truth_refit_requests").set({ requested_at: secondsAgo(11 * 60) }).where("queue_id", "=", busy.queue.id).execute();
    expect(await dueQueueIds()).toContain(busy.queue.id);
  });

  it("ignores decoy answers when deciding a queue is due", async () => {
    const queue = await seedQueue(testDb.db, { projectId: team.project.id });
    const [item] = await seedQueueItems(testDb.db, { projectId: team.project.id, queueId: queue.id, count: 1 });
    await seedAnswers(testDb.db, { projectId: team.project.id, queueId: queue.id }, [{ queueItemId: item!.id, annotatorId: annotators[0]!.id, value: "helpful", isDecoy: true, createdAt: secondsAgo(60) }]);
    expect(await dueQueueIds()).not.toContain(queue.id);
  });

  it("the minute pass queues due refits, fails lost ones and sends every queued request", async () => {
    const { queue } = await seedAnsweredQueue(60);
    const lost = await seedAnsweredQueue(60);
    const stuck = await requestRefit(testDb.db, { projectId: team.project.id, queueId: lost.queue.id, requestedBy: null });
    await testDb.db.updateTable("truth_refit_requests").set({ state: "running", started_at: secondsAgo(20 * 60) }).where("id", "=", stuck.id).execute();

    const sent: { id: number; queueId: string }[] = [];
    const pass = await scheduleDueRefits(testDb.db, async (request) => sent.push(request));
    expect(pass.lost).toBeGreaterThanOrEqual(1);
    expect(await findLatestRefitRequest(testDb.db, { projectId: team.project.id, queueId: lost.queue.id })).toMatchObject({ id: stuck.id, state: "failed", error: expect.stringContaining("worker stopped") });
    const request = await findLatestRefitRequest(testDb.db, { projectId: team.project.id, queueId: queue.id });
    expect(request).toMatchObject({ state: "queued" });
    expect(sent).toContainEqual({ id: request!.id, queueId: queue.id });

    await expect(runRefitRequest(testDb.db, request!.id)).resolves.toMatchObject({ outcome: "done" });
    await expect(runRefitRequest(testDb.db, request!.id)).resolves.toEqual({ outcome: "skipped" });
    expect(await findLatestRefitRequest(testDb.db, { projectId: team.project.id, queueId: queue.id })).toMatchObject({ state: "done", phase: null, finishedAt: expect.any(Date), error: null });
  });

  it("records the step a running refit is at, and only while it runs", async () => {
    const { queue } = await seedAnsweredQueue(60);
    const request = await requestRefit(testDb.db, { projectId: team.project.id, queueId: queue.id, requestedBy: null });
    await setRefitPhase(testDb.db, { id: request.id, projectId: team.project.id }, "fitting");
    expect(await findLatestRefitRequest(testDb.db, { projectId: team.project.id, queueId: queue.id })).toMatchObject({ state: "queued", phase: null });
    await startRefitRequest(testDb.db, request.id);
    await setRefitPhase(testDb.db, { id: request.id, projectId: team.project.id }, "fitting");
    expect(await findLatestRefitRequest(testDb.db, { projectId: team.project.id, queueId: queue.id })).toMatchObject({ state: "running", phase: "fitting" });
  });

  it("the worker runs a lead's request as soon as it commits, and schedules the minute pass", async () => {
    const { queue } = await seedAnsweredQueue(60);
    const runner = await startTestRunner(testDb.db, testDb.url);
    try {
      await expect(runner.boss.getSchedules(TRUTH_REFIT_SCHEDULER_JOB)).resolves.toEqual([expect.objectContaining({ cron: "* * * * *" })]);
      const request = await requestRefit(testDb.db, { projectId: team.project.id, queueId: queue.id, requestedBy: team.members.lead.id });
      await expect
        .poll(async () => (await findLatestRefitRequest(testDb.db, { projectId: team.project.id, queueId: queue.id }))?.state, { timeout: 20_000 })
        .toBe("done");
      const fit = await testDb.db.selectFrom("quality_fits").select("requested_by").where("queue_id", "=", queue.id).executeTakeFirstOrThrow();
      expect(fit.requested_by).toBe(team.members.lead.id);
      expect(request.state).toBe("queued");
    } finally {
      await runner.stop();
    }
  });
});
