import { beforeAll, describe, expect, it } from "vitest";
import { seedProjectTeam, seedReviewers } from "@/db/seed/factories";
import { seedQueue, seedQueueItems } from "@/db/seed/loop";
import { setUpTestDatabase } from "@/db/testing/test-database";
import { createCaller } from "@/server/api/root";
import { createInnerContext } from "@/server/api/trpc";
import type { SessionUser } from "@/server/users/schema";
import { refitQueue } from "./refit-service";
import { seedAnswers } from "./test-support";

const testDb = setUpTestDatabase();
let team: Awaited<ReturnType<typeof seedProjectTeam>>;
const callerFor = (user: SessionUser) => createCaller(createInnerContext({ db: testDb.db, user }));
const CLASSES = ["helpful", "harmful", "off_topic"];

beforeAll(async () => {
  team = await seedProjectTeam(testDb.db);
});

/** A Dawid–Skene queue with 30 answered items (two careful annotators, one who always says "helpful") and wrong gold on item 1. */
async function seedFittedQueue() {
  const queue = await seedQueue(testDb.db, { projectId: team.project.id });
  await testDb.db.updateTable("queues").set({ consensus_method: "dawid_skene" }).where("id", "=", queue.id).execute();
  const items = await seedQueueItems(testDb.db, { projectId: team.project.id, queueId: queue.id, count: 30 });
  const annotators = await seedReviewers(testDb.db, { projectId: team.project.id, count: 3 });
  await seedAnswers(
    testDb.db,
    { projectId: team.project.id, queueId: queue.id },
    items.flatMap((item, index) => [
      { queueItemId: item.id, annotatorId: annotators[0]!.id, value: CLASSES[index % 3]! },
      { queueItemId: item.id, annotatorId: annotators[1]!.id, value: CLASSES[index % 3]! },
      { queueItemId: item.id, annotatorId: annotators[2]!.id, value: "helpful" },
    ]),
  );
  await testDb.db.updateTable("queue_items").set({ state: "resolved", resolved_at: new Date() }).where("id", "=", items[1]!.id).execute();
  const gold = await testDb.db
    .insertInto("gold_labels")
    .values({
      project_id: team.project.id,
      queue_id: queue.id,
      queue_item_id: items[1]!.id,
      output_id: items[1]!.outputId,
      values: JSON.stringify({ verdict: "off_topic" }),
      method: "dawid_skene",
      confidence: 0.9,
      provenance: JSON.stringify({ seeded: true }),
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return { queue, items, annotators, goldLabelId: gold.id };
}

describe("truth router", () => {
  it("shows no fit and the counted answers before the first refit", async () => {
    const queue = await seedQueue(testDb.db, { projectId: team.project.id });
    const view = await callerFor(team.members.ml).truth.latestFit({ projectId: team.project.id, queueId: queue.id });
    expect(view).toMatchObject({ queue: { id: queue.id, consensusMethod: "majority" }, hasCountedAnswers: false, fields: [], refit: null });
  });

  it("returns the latest fit with every annotator's name, reliability and confusion matrix", async () => {
    const { queue, annotators } = await seedFittedQueue();
    await refitQueue(testDb.db, { projectId: team.project.id, queueId: queue.id });
    const second = await refitQueue(testDb.db, { projectId: team.project.id, queueId: queue.id });
    const view = await callerFor(team.members.lead).truth.latestFit({ projectId: team.project.id, queueId: queue.id });
    expect(view.hasCountedAnswers).toBe(true);
    expect(view.fields).toHaveLength(1);
    const [field] = view.fields;
    expect(field).toMatchObject({ fieldKey: "verdict", fitId: second.fields[0]!.fitId, method: "dawid_skene", classes: CLASSES, labelCount: 90, itemCount: 30, annotatorCount: 3 });
    expect(field!.annotators.map((annotator) => annotator.name).sort()).toEqual(annotators.map((annotator) => annotator.name).sort());
    expect(field!.annotators.at(-1)).toMatchObject({ annotatorId: annotators[2]!.id, labelCount: 30 });
    expect(field!.annotators[0]!.confusion).toHaveLength(3);
  });

  it("queues one refit per queue: asking again joins the open request", async () => {
    const { queue } = await seedFittedQueue();
    const lead = callerFor(team.members.lead);
    const first = await lead.truth.refit({ projectId: team.project.id, queueId: queue.id });
    const again = await callerFor(team.members.admin).truth.refit({ projectId: team.project.id, queueId: queue.id });
    expect(first).toMatchObject({ queueId: queue.id, state: "queued" });
    expect(again.id).toBe(first.id);
    const view = await lead.truth.latestFit({ projectId: team.project.id, queueId: queue.id });
    expect(view.refit).toMatchObject({ id: first.id, state: "queued" });
  });

  it("refuses another project's queue and annotators", async () => {
    const { queue } = await seedFittedQueue();
    const other = await seedProjectTeam(testDb.db);
    await expect(callerFor(other.members.lead).truth.refit({ projectId: other.project.id, queueId: queue.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(callerFor(other.members.lead).truth.latestFit({ projectId: other.project.id, queueId: queue.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(callerFor(other.members.lead).truth.listFlags({ projectId: other.project.id, queueId: queue.id })).resolves.toEqual([]);
    await expect(callerFor(team.members.annotator).truth.latestFit({ projectId: team.project.id, queueId: queue.id })).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  it("lists a flag and dismisses it, and the next refit does not raise it again", async () => {
    const { queue, goldLabelId } = await seedFittedQueue();
    await refitQueue(testDb.db, { projectId: team.project.id, queueId: queue.id });
    const lead = callerFor(team.members.lead);
    const [flag] = await lead.truth.listFlags({ projectId: team.project.id, queueId: queue.id });
    expect(flag).toMatchObject({ goldLabelId, currentValue: "off_topic", suggestedValue: "harmful", closedAt: null });

    await expect(lead.truth.dismissFlag({ projectId: team.project.id, flagId: flag!.id })).resolves.toEqual({ id: flag!.id });
    await expect(lead.truth.dismissFlag({ projectId: team.project.id, flagId: flag!.id })).rejects.toMatchObject({ message: expect.stringContaining("already closed") });
    await refitQueue(testDb.db, { projectId: team.project.id, queueId: queue.id });
    expect(await lead.truth.listFlags({ projectId: team.project.id, queueId: queue.id })).toEqual([]);
    const closed = await lead.truth.listFlags({ projectId: team.project.id, queueId: queue.id, includeClosed: true });
    expect(closed).toEqual([expect.objectContaining({ id: flag!.id, closing: "dismissed", closedByName: team.members.lead.name })]);
    const audit = await testDb.db.selectFrom("audit_log").select("action").where("target_id", "=", String(goldLabelId)).execute();
    expect(audit.map((entry) => entry.action)).toContain("gold.refit_flag_dismissed");
  });

  it("reopens the flagged gold for revision with a worded reason, leaving the gold current", async () => {
    const { queue, items, goldLabelId } = await seedFittedQueue();
    await refitQueue(testDb.db, { projectId: team.project.id, queueId: queue.id });
    const lead = callerFor(team.members.lead);
    const [flag] = await lead.truth.listFlags({ projectId: team.project.id, queueId: queue.id });
    await expect(callerFor(team.members.ml).truth.reopenFromFlag({ projectId: team.project.id, flagId: flag!.id })).rejects.toMatchObject({ code: "FORBIDDEN" });

    await lead.truth.reopenFromFlag({ projectId: team.project.id, flagId: flag!.id, note: "Check the rubric." });
    const reopening = await testDb.db.selectFrom("gold_reopenings").select(["reason", "gold_label_id"]).where("queue_item_id", "=", items[1]!.id).executeTakeFirstOrThrow();
    expect(reopening.gold_label_id).toBe(goldLabelId);
    expect(reopening.reason).toMatch(/^A Dawid–Skene refit \(fit \d+\) puts verdict at "harmful" with posterior 1\.000; the gold says "off_topic"\. Check the rubric\.$/);
    const item = await testDb.db.selectFrom("queue_items").select("state").where("id", "=", items[1]!.id).executeTakeFirstOrThrow();
    expect(item.state).toBe("conflict");
    const gold = await testDb.db.selectFrom("gold_labels").select(["is_current", "values"]).where("id", "=", goldLabelId).executeTakeFirstOrThrow();
    expect(gold).toEqual({ is_current: true, values: { verdict: "off_topic" } });
    expect(await lead.truth.listFlags({ projectId: team.project.id, queueId: queue.id, includeClosed: true })).toEqual([expect.objectContaining({ closing: "reopened" })]);
  });

  it("names the field of bad input", async () => {
    const lead = callerFor(team.members.lead);
    await expect(lead.truth.dismissFlag({ projectId: team.project.id, flagId: -1 })).rejects.toMatchObject({ code: "BAD_REQUEST", message: expect.stringContaining("flagId") });
    await expect(lead.truth.latestFit({ projectId: team.project.id, queueId: "nope" })).rejects.toMatchObject({ code: "BAD_REQUEST", message: expect.stringContaining("queueId") });
    await expect(lead.truth.dismissFlag({ projectId: team.project.id, flagId: 999_999 })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});
