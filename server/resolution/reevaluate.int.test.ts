import { beforeAll, describe, expect, it } from "vitest";
import { seedProjectTeam, seedReviewers } from "@/db/seed/factories";
import { seedGold, seedQueue, seedQueueItems } from "@/db/seed/loop";
import { setUpTestDatabase } from "@/db/testing/test-database";
import { confusionOf, insertClosedItems, insertFit } from "./consensus-test-support";
import { reevaluateOpenItems } from "./reevaluate";

const testDb = setUpTestDatabase();
let team: Awaited<ReturnType<typeof seedProjectTeam>>;

beforeAll(async () => {
  team = await seedProjectTeam(testDb.db);
});

async function readItems(queueId: string) {
  return testDb.db
    .selectFrom("queue_items")
    .leftJoin("gold_labels", (join) => join.onRef("gold_labels.queue_item_id", "=", "queue_items.id").on("gold_labels.is_current", "=", true))
    .select(["queue_items.id", "queue_items.state", "queue_items.conflict_reasons", "gold_labels.id as goldId", "gold_labels.values", "gold_labels.method", "gold_labels.confidence"])
    .where("queue_items.queue_id", "=", queueId)
    .orderBy("queue_items.id")
    .execute();
}

describe("reevaluateOpenItems", () => {
  it("decides closed items and gold-less conflicts by the majority policy, audits the gold, and leaves the rest alone", async () => {
    const queue = await seedQueue(testDb.db, { projectId: team.project.id, overlap: 3 });
    const items = await seedQueueItems(testDb.db, { projectId: team.project.id, queueId: queue.id, count: 4 });
    const [a, b, c] = (await seedReviewers(testDb.db, { projectId: team.project.id, count: 3 })).map((person) => person.id) as [string, string, string];
    const scope = { projectId: team.project.id, queueId: queue.id };
    await insertClosedItems(testDb.db, {
      ...scope,
      items: [
        { queueItemId: items[0]!.id, answers: { [a]: "helpful", [b]: "helpful", [c]: "harmful" } },
        { queueItemId: items[1]!.id, answers: { [a]: "helpful", [b]: "harmful", [c]: "off_topic" } },
        // A conflict from before the policy changed, which the current threshold now resolves.
        { queueItemId: items[2]!.id, answers: { [a]: "harmful", [b]: "harmful", [c]: "helpful" }, state: "conflict" },
      ],
    });
    // items[3] is still pending: not closed, not decided here.
    const reopened = await seedGold(testDb.db, { ...scope, label: "helpful" });
    await testDb.db.updateTable("queue_items").set({ state: "conflict" }).where("id", "=", reopened.queueItemId).execute();

    expect(await reevaluateOpenItems(testDb.db, scope)).toEqual({ resolved: 2, conflicts: 1 });

    const after = await readItems(queue.id);
    const byId = new Map(after.map((row) => [row.id, row]));
    expect(byId.get(items[0]!.id)).toMatchObject({ state: "resolved", values: { verdict: "helpful" }, method: "majority" });
    expect(byId.get(items[0]!.id)!.confidence).toBeCloseTo(2 / 3);
    expect(byId.get(items[1]!.id)).toMatchObject({ state: "conflict", conflict_reasons: ["Verdict: split Harmful 1, Helpful 1, Off topic 1, none reaches 60 %"], goldId: null });
    expect(byId.get(items[2]!.id)).toMatchObject({ state: "resolved", values: { verdict: "harmful" }, method: "majority" });
    expect(byId.get(items[3]!.id)).toMatchObject({ state: "pending", goldId: null });
    // A conflict that already has current gold is a lead's revision: its gold is kept, nothing new is written.
    expect(byId.get(reopened.queueItemId)).toMatchObject({ state: "conflict", goldId: reopened.goldLabelId });

    const audits = await testDb.db
      .selectFrom("audit_log")
      .select(["target_id", "actor_user_id", "data"])
      .where("project_id", "=", team.project.id)
      .where("action", "=", "gold.created")
      .where("target_id", "in", [String(byId.get(items[0]!.id)!.goldId), String(byId.get(items[2]!.id)!.goldId)])
      .execute();
    expect(audits).toHaveLength(2);
    expect(audits.every((audit) => audit.actor_user_id === null && (audit.data as { queueId: string }).queueId === queue.id)).toBe(true);

    // Nothing left to decide: a second run changes nothing.
    expect(await reevaluateOpenItems(testDb.db, scope)).toEqual({ resolved: 0, conflicts: 0 });
  });

  it("decides by the queue's Dawid–Skene fit when the queue uses it, across batches", async () => {
    const queue = await seedQueue(testDb.db, { projectId: team.project.id, overlap: 3 });
    await testDb.db.updateTable("queues").set({ consensus_method: "dawid_skene", min_posterior: 0.9 }).where("id", "=", queue.id).execute();
    const scope = { projectId: team.project.id, queueId: queue.id };
    const [expert, guesser1, guesser2] = (await seedReviewers(testDb.db, { projectId: team.project.id, count: 3 })).map((person) => person.id) as [string, string, string];
    await insertFit(testDb.db, {
      ...scope,
      fieldKey: "verdict",
      classes: ["helpful", "harmful", "off_topic"],
      priors: [0.5, 0.3, 0.2],
      confusionByAnnotator: { [expert]: confusionOf(3, 0.95), [guesser1]: confusionOf(3, 0.4), [guesser2]: confusionOf(3, 0.4) },
    });
    // More items than one batch holds, every one with the expert against both guessers.
    const items = await seedQueueItems(testDb.db, { projectId: team.project.id, queueId: queue.id, count: 620 });
    await insertClosedItems(testDb.db, { ...scope, items: items.map((item) => ({ queueItemId: item.id, answers: { [expert]: "harmful", [guesser1]: "helpful", [guesser2]: "helpful" } })) });

    expect(await reevaluateOpenItems(testDb.db, scope)).toEqual({ resolved: 620, conflicts: 0 });
    const after = await readItems(queue.id);
    expect(after.every((row) => row.state === "resolved" && row.method === "dawid_skene" && (row.values as { verdict: string }).verdict === "harmful")).toBe(true);
    expect(after[0]!.confidence).toBeGreaterThan(0.9);
  });

  it("refuses a queue of another project", async () => {
    const queue = await seedQueue(testDb.db, { projectId: team.project.id });
    const other = await seedProjectTeam(testDb.db);
    await expect(reevaluateOpenItems(testDb.db, { projectId: other.project.id, queueId: queue.id })).rejects.toMatchObject({ name: "NotFoundError" });
  });
});
