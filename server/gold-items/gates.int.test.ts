import { describe, expect, it } from "vitest";
import { setUpTestDatabase } from "@/db/testing/test-database";
import { createWebhookEndpoint } from "@/server/webhooks/endpoint-service";
import { nextUtcMidnight } from "./gate-service";
import { callerFor, isGoldCheckRow, seedGoldQueue } from "./test-support";

const testDb = setUpTestDatabase();

type World = Awaited<ReturnType<typeof seedGoldQueue>>;

/** Works through the queue: production answered "helpful", gold checks answered `goldAnswer`, until `goldChecks` were answered. */
async function answerGoldChecks(world: World, goldChecks: number, goldAnswer: string) {
  const annotator = callerFor(testDb.db, world.annotators[0]!);
  let answered = 0;
  while (answered < goldChecks) {
    const task = await annotator.review.claimNext({ projectId: world.projectId, queueId: world.queue.id });
    const isGold = await isGoldCheckRow(testDb.db, task!.assignment.id);
    await annotator.review.submit({ projectId: world.projectId, assignmentId: task!.assignment.id, values: { verdict: isGold ? goldAnswer : "helpful" } });
    if (isGold) answered += 1;
  }
}

describe("the quality gate", () => {
  it("pauses an annotator below the threshold once, tells the lead, refuses their claims, and a lead lifts it", async () => {
    const world = await seedGoldQueue(testDb.db, { production: 80, gold: 8, goldItemRate: 0.5, gateMinAccuracy: 0.8, gateMinGoldItems: 3 });
    const { projectId } = world;
    const lead = callerFor(testDb.db, world.members.lead);
    await createWebhookEndpoint(testDb.db, { projectId, userId: world.members.admin.id }, { url: "https://93.184.216.34/hooks", description: "", eventTypes: ["annotator.paused"], isEnabled: true });
    const annotator = callerFor(testDb.db, world.annotators[0]!);

    await answerGoldChecks(world, 2, "harmful");
    expect(await lead.goldItems.listPauses({ projectId, queueId: world.queue.id })).toEqual([]);
    await answerGoldChecks(world, 1, "harmful");

    const [pause] = await lead.goldItems.listPauses({ projectId, queueId: world.queue.id });
    expect(pause).toMatchObject({ annotatorId: world.annotators[0]!.id, annotatorName: world.annotators[0]!.name, goldChecks: 3, goldCorrect: 0, liftedAt: null });
    const refusal = annotator.review.claimNext({ projectId, queueId: world.queue.id });
    await expect(refusal).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(refusal).rejects.toThrow("You are paused on this queue by its gold-check quality gate: 0 of 3 gold checks right (0 %), below the 80 % this queue asks for after 3 checks. A lead can lift the pause.");
    const events = await testDb.db.selectFrom("webhook_events").select("payload").where("project_id", "=", projectId).where("type", "=", "annotator.paused").execute();
    expect(events.map((event) => JSON.parse(event.payload) as unknown)).toEqual([
      expect.objectContaining({ type: "annotator.paused", data: expect.objectContaining({ pauseId: pause!.id, goldChecks: 3, goldCorrect: 0, accuracy: 0, threshold: 0.8 }) }),
    ]);
    const audit = await testDb.db.selectFrom("audit_log").select("action").where("project_id", "=", projectId).where("action", "like", "annotator.%").execute();
    expect(audit.map((entry) => entry.action)).toEqual(["annotator.paused"]);

    await expect(lead.goldItems.liftPause({ projectId, pauseId: pause!.id, note: "  " })).rejects.toMatchObject({ code: "BAD_REQUEST", message: expect.stringContaining("say why the pause is lifted") });
    await lead.goldItems.liftPause({ projectId, pauseId: pause!.id, note: "Went over the rubric together" });
    await expect(lead.goldItems.liftPause({ projectId, pauseId: pause!.id, note: "again" })).rejects.toMatchObject({ code: "PRECONDITION_FAILED" });
    expect(await lead.goldItems.listPauses({ projectId, queueId: world.queue.id })).toEqual([]);
    expect(await lead.goldItems.listPauses({ projectId, queueId: world.queue.id, includeLifted: true })).toEqual([
      expect.objectContaining({ id: pause!.id, liftNote: "Went over the rubric together", liftedByName: world.members.lead.name }),
    ]);

    // Checks count afresh after the lift: two more wrong answers are not yet three.
    await answerGoldChecks(world, 2, "harmful");
    expect(await lead.goldItems.listPauses({ projectId, queueId: world.queue.id })).toEqual([]);
    await answerGoldChecks(world, 1, "helpful");
    expect(await lead.goldItems.listPauses({ projectId, queueId: world.queue.id })).toHaveLength(1);
  });

  it("leaves an annotator at or above the threshold alone, and does nothing without a threshold", async () => {
    const passing = await seedGoldQueue(testDb.db, { production: 40, gold: 4, goldItemRate: 0.5, gateMinAccuracy: 0.8, gateMinGoldItems: 3 });
    await answerGoldChecks(passing, 4, "helpful");
    const ungated = await seedGoldQueue(testDb.db, { production: 40, gold: 4, goldItemRate: 0.5, gateMinAccuracy: null, gateMinGoldItems: 1 });
    await answerGoldChecks(ungated, 4, "harmful");
    const pauses = await testDb.db.selectFrom("annotator_pauses").select("id").where("project_id", "in", [passing.projectId, ungated.projectId]).execute();
    expect(pauses).toEqual([]);
    const accuracy = await callerFor(testDb.db, ungated.members.lead).goldItems.listAccuracy({ projectId: ungated.projectId, queueId: ungated.queue.id });
    expect(accuracy).toEqual([expect.objectContaining({ checks: 4, correct: 0, accuracy: 0, lower: 0 })]);
    expect(accuracy[0]!.upper).toBeCloseTo(0.4899, 3);
  });
});

describe("daily caps", () => {
  it("refuse new claims once today's answers plus held items reach the cap, naming the reset time", async () => {
    const world = await seedGoldQueue(testDb.db, { production: 10, gold: 0, dailyCap: 3 });
    const { projectId } = world;
    const annotator = callerFor(testDb.db, world.annotators[0]!);
    for (let index = 0; index < 2; index += 1) {
      const task = await annotator.review.claimNext({ projectId, queueId: world.queue.id });
      await annotator.review.submit({ projectId, assignmentId: task!.assignment.id, values: { verdict: "helpful" } });
    }
    const held = await annotator.review.claimNext({ projectId, queueId: world.queue.id });
    // The item on screen is still theirs; a prefetch of a fourth is refused.
    expect((await annotator.review.claimNext({ projectId, queueId: world.queue.id }))!.assignment.id).toBe(held!.assignment.id);
    const resetsAt = nextUtcMidnight(new Date()).toISOString().replace(".000Z", "Z");
    const refusal = annotator.review.claimNext({ projectId, queueId: world.queue.id, excludeAssignmentIds: [held!.assignment.id] });
    await expect(refusal).rejects.toMatchObject({ code: "PRECONDITION_FAILED" });
    await expect(refusal).rejects.toThrow(`You reached this queue's daily cap of 3 items. It resets at ${resetsAt} (midnight UTC).`);
    // Yesterday's answers do not count.
    await testDb.db.updateTable("annotations").set({ created_at: new Date(Date.now() - 36 * 3600 * 1000) }).where("project_id", "=", projectId).execute();
    await expect(annotator.review.claimNext({ projectId, queueId: world.queue.id, excludeAssignmentIds: [held!.assignment.id] })).resolves.not.toBeNull();
  });
});

describe("nextUtcMidnight", () => {
  it("is the next 00:00 UTC", () => {
    expect(nextUtcMidnight(new Date("2026-11-30T23:59:59Z")).toISOString()).toBe("2026-12-01T00:00:00.000Z");
    expect(nextUtcMidnight(new Date("2026-12-31T00:00:00Z")).toISOString()).toBe("2027-01-01T00:00:00.000Z");
  });
});
