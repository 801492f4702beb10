import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { seedProject, seedProjectTeam, seedReviewers } from "@/db/seed/factories";
import { seedQueue, seedQueueItems } from "@/db/seed/loop";
import { setUpTestDatabase } from "@/db/testing/test-database";
import { createCaller } from "@/server/api/root";
import { createInnerContext } from "@/server/api/trpc";

const testDb = setUpTestDatabase();
let team: Awaited<ReturnType<typeof seedProjectTeam>>;
const callerFor = (user: { id: string; email: string; name: string; isInstanceAdmin: boolean }) => createCaller(createInnerContext({ db: testDb.db, user }));

beforeAll(async () => {
  team = await seedProjectTeam(testDb.db);
});

afterEach(() => {
  vi.useRealTimers();
});

/** A finished assignment with an explicit time, as if submitted (or skipped) then. */
async function finishAt(values: { projectId: string; queueId: string; queueItemId: number; annotatorId: string; at: string; state?: "submitted" | "skipped" }) {
  await testDb.db
    .insertInto("assignments")
    .values({
      project_id: values.projectId,
      queue_id: values.queueId,
      queue_item_id: values.queueItemId,
      annotator_id: values.annotatorId,
      state: values.state ?? "submitted",
      lease_expires_at: new Date(values.at),
      submitted_at: values.state === "skipped" ? null : new Date(values.at),
    })
    .execute();
}

describe("review.myProgress", () => {
  it("counts the caller's submissions today and this ISO week (UTC), in the queue and the project, with seven days", async () => {
    const projectId = team.project.id;
    const queue = await seedQueue(testDb.db, { projectId });
    const otherQueue = await seedQueue(testDb.db, { projectId });
    const items = await seedQueueItems(testDb.db, { projectId, queueId: queue.id, count: 7 });
    const [otherItem] = await seedQueueItems(testDb.db, { projectId, queueId: otherQueue.id, count: 1 });
    const [alice, bob] = await seedReviewers(testDb.db, { projectId, count: 2 });
    const elsewhere = await seedProject(testDb.db);
    const elsewhereQueue = await seedQueue(testDb.db, { projectId: elsewhere.id });
    const [elsewhereItem] = await seedQueueItems(testDb.db, { projectId: elsewhere.id, queueId: elsewhereQueue.id, count: 1 });
    const inQueue = (index: number, at: string, annotatorId = alice!.id, state?: "submitted" | "skipped") =>
      finishAt({ projectId, queueId: queue.id, queueItemId: items[index]!.id, annotatorId, at, state });

    // Now is Wednesday 2026-11-25 12:00 UTC: the ISO week began on Monday the 23rd.
    await inQueue(0, "2026-11-25T11:00:00Z");
    await inQueue(1, "2026-11-25T00:00:00Z");
    await inQueue(2, "2026-11-23T00:00:00Z");
    await inQueue(3, "2026-11-22T23:59:59Z");
    await inQueue(4, "2026-11-17T10:00:00Z");
    await inQueue(5, "2026-11-25T10:00:00Z", alice!.id, "skipped");
    await inQueue(0, "2026-11-25T10:00:00Z", bob!.id);
    await finishAt({ projectId, queueId: otherQueue.id, queueItemId: otherItem!.id, annotatorId: alice!.id, at: "2026-11-25T09:00:00Z" });
    await finishAt({ projectId: elsewhere.id, queueId: elsewhereQueue.id, queueItemId: elsewhereItem!.id, annotatorId: alice!.id, at: "2026-11-25T09:00:00Z" });

    vi.useFakeTimers({ toFake: ["Date"], now: new Date("2026-11-25T12:00:00Z") });
    const progress = await callerFor(alice!).review.myProgress({ projectId, queueId: queue.id });
    expect(progress.today).toEqual({ queue: 2, project: 3 });
    expect(progress.week).toEqual({ queue: 3, project: 4 });
    expect(progress.weekStart).toEqual(new Date("2026-11-23T00:00:00Z"));
    expect(progress.days).toEqual([
      { day: new Date("2026-11-19T00:00:00Z"), queue: 0, project: 0 },
      { day: new Date("2026-11-20T00:00:00Z"), queue: 0, project: 0 },
      { day: new Date("2026-11-21T00:00:00Z"), queue: 0, project: 0 },
      { day: new Date("2026-11-22T00:00:00Z"), queue: 1, project: 1 },
      { day: new Date("2026-11-23T00:00:00Z"), queue: 1, project: 1 },
      { day: new Date("2026-11-24T00:00:00Z"), queue: 0, project: 0 },
      { day: new Date("2026-11-25T00:00:00Z"), queue: 2, project: 3 },
    ]);

    const bobsView = await callerFor(bob!).review.myProgress({ projectId, queueId: queue.id });
    expect(bobsView.today).toEqual({ queue: 1, project: 1 });
    expect(bobsView.week).toEqual({ queue: 1, project: 1 });
    // On Monday the week is that day alone.
    vi.setSystemTime(new Date("2026-11-23T08:00:00Z"));
    const onMonday = await callerFor(alice!).review.myProgress({ projectId, queueId: queue.id });
    expect(onMonday.today).toEqual({ queue: 1, project: 1 });
    expect(onMonday.week).toEqual({ queue: 1, project: 1 });
  });

  it("counts an answer submitted through the review flow at once", async () => {
    const projectId = team.project.id;
    const queue = await seedQueue(testDb.db, { projectId, overlap: 1 });
    await seedQueueItems(testDb.db, { projectId, queueId: queue.id, count: 2 });
    const [carol] = await seedReviewers(testDb.db, { projectId, count: 1 });
    const caller = callerFor(carol!);
    await expect(caller.review.myProgress({ projectId, queueId: queue.id })).resolves.toMatchObject({ today: { queue: 0, project: 0 } });
    const task = await caller.review.claimNext({ projectId, queueId: queue.id });
    await caller.review.submit({ projectId, assignmentId: task!.assignment.id, values: { verdict: "helpful" } });
    const progress = await caller.review.myProgress({ projectId, queueId: queue.id });
    expect(progress.today).toEqual({ queue: 1, project: 1 });
    expect(progress.week).toEqual({ queue: 1, project: 1 });
    expect(progress.days.at(-1)).toMatchObject({ queue: 1, project: 1 });
  });

  it("refuses a queue of another project and members without the annotator role", async () => {
    const elsewhere = await seedProject(testDb.db);
    const foreignQueue = await seedQueue(testDb.db, { projectId: elsewhere.id });
    await expect(callerFor(team.members.annotator).review.myProgress({ projectId: team.project.id, queueId: foreignQueue.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(callerFor(team.members.ml).review.myProgress({ projectId: team.project.id, queueId: foreignQueue.id })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(callerFor(team.members.annotator).review.myProgress({ projectId: team.project.id, queueId: "nope" })).rejects.toMatchObject({ code: "BAD_REQUEST" });
  });
});
