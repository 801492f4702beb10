import { createHash } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { seedProjectTeam, seedReviewers } from "@/db/seed/factories";
import { seedQueue, seedQueueItems } from "@/db/seed/loop";
import { setUpTestDatabase } from "@/db/testing/test-database";
import { createCaller } from "@/server/api/root";
import { createInnerContext } from "@/server/api/trpc";
import { encodeTextDocument } from "@/server/collab/text-document";
import { publishAndWait } from "@/server/datasets/testing";

const testDb = setUpTestDatabase();
let team: Awaited<ReturnType<typeof seedProjectTeam>>;
type Person = { id: string; email: string; name: string; isInstanceAdmin: boolean };
const callerFor = (user: Person) => createCaller(createInnerContext({ db: testDb.db, user }));
const lead = () => callerFor(team.members.lead);
const projectId = () => team.project.id;
const encodeText = (text: string) => Buffer.from(encodeTextDocument(text)).toString("base64");

beforeAll(async () => {
  team = await seedProjectTeam(testDb.db);
});

/** `count` items of a fresh overlap-2 queue, each answered "helpful" twice: unanimous gold. */
async function seedResolvedItems(count: number) {
  const queue = await seedQueue(testDb.db, { projectId: projectId(), overlap: 2 });
  const items = await seedQueueItems(testDb.db, { projectId: projectId(), queueId: queue.id, count });
  const annotators = await seedReviewers(testDb.db, { projectId: projectId(), count: 2 });
  for (let round = 0; round < count; round++) {
    for (const annotator of annotators) {
      const task = await callerFor(annotator).review.claimNext({ projectId: projectId(), queueId: queue.id });
      await callerFor(annotator).review.submit({ projectId: projectId(), assignmentId: task!.assignment.id, values: { verdict: "helpful" } });
    }
  }
  return { queue, items, annotators };
}

const currentGold = (queueItemId: number) =>
  testDb.db.selectFrom("gold_labels").selectAll().where("queue_item_id", "=", queueItemId).where("is_current", "=", true).executeTakeFirstOrThrow();

describe("revising gold", () => {
  it("reopens with a reason, keeps the old gold current until the new one is finalized, then supersedes it in one step", async () => {
    const { items } = await seedResolvedItems(1);
    const item = items[0]!;
    const old = await currentGold(item.id);
    await expect(lead().resolution.reopenGold({ projectId: projectId(), queueItemId: item.id, reason: "no" })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: expect.stringContaining("say why the gold needs revising"),
    });
    await lead().resolution.reopenGold({ projectId: projectId(), queueItemId: item.id, reason: "Policy changed: refunds now take 3 days" });

    const conflicts = await lead().resolution.listConflicts({ projectId: projectId() });
    const reopened = await testDb.db.selectFrom("gold_reopenings").select("created_at").where("queue_item_id", "=", item.id).executeTakeFirstOrThrow();
    // Waiting since the reopening, not since the answers that made the old gold.
    expect(conflicts.find((conflict) => conflict.queueItemId === item.id)).toMatchObject({ revisionReason: "Policy changed: refunds now take 3 days", updatedAt: reopened.created_at });
    expect((await currentGold(item.id)).id).toBe(old.id);
    const view = await lead().resolution.getConflict({ projectId: projectId(), queueItemId: item.id });
    expect(view.revision).toMatchObject({ reason: "Policy changed: refunds now take 3 days", requestedByName: team.members.lead.name });
    await expect(lead().resolution.reopenGold({ projectId: projectId(), queueItemId: item.id, reason: "a second time" })).rejects.toMatchObject({ code: "CONFLICT" });

    const { goldLabelId } = await lead().resolution.finalize({
      projectId: projectId(),
      queueItemId: item.id,
      values: { verdict: "harmful" },
      correctionState: encodeText("Refunds take 3 business days."),
    });
    const gold = await testDb.db.selectFrom("gold_labels").selectAll().where("queue_item_id", "=", item.id).orderBy("id").execute();
    expect(gold.map((row) => ({ id: row.id, isCurrent: row.is_current, supersedes: row.supersedes, reason: row.revision_reason }))).toEqual([
      { id: old.id, isCurrent: false, supersedes: null, reason: null },
      { id: goldLabelId, isCurrent: true, supersedes: old.id, reason: "Policy changed: refunds now take 3 days" },
    ]);
    expect(gold[1]).toMatchObject({ values: { verdict: "harmful" }, method: "adjudicated", correction: "Refunds take 3 business days.", resolved_by: team.members.lead.id });
    const audits = await testDb.db.selectFrom("audit_log").select(["action", "target_id", "data"]).where("action", "in", ["gold.reopened", "gold.revised"]).where("project_id", "=", projectId()).orderBy("id").execute();
    expect(audits.slice(-2)).toEqual([
      { action: "gold.reopened", target_id: String(old.id), data: expect.objectContaining({ reason: "Policy changed: refunds now take 3 days" }) },
      { action: "gold.revised", target_id: String(goldLabelId), data: expect.objectContaining({ supersedes: old.id, reason: "Policy changed: refunds now take 3 days" }) },
    ]);
    const state = await testDb.db.selectFrom("queue_items").select("state").where("id", "=", item.id).executeTakeFirstOrThrow();
    expect(state.state).toBe("resolved");

    const history = await lead().resolution.goldHistory({ projectId: projectId(), queueItemId: item.id });
    expect(history.reopening).toBeNull();
    expect(history.golds.map((entry) => [entry.id, entry.isCurrent, entry.method, entry.revisionReason, entry.resolvedByName])).toEqual([
      [goldLabelId, true, "adjudicated", "Policy changed: refunds now take 3 days", team.members.lead.name],
      [old.id, false, "unanimous", null, null],
    ]);
  });

  it("lets a lead cancel a reopening, leaving the gold as it was", async () => {
    const { items } = await seedResolvedItems(1);
    const item = items[0]!;
    const old = await currentGold(item.id);
    await expect(lead().resolution.cancelReopen({ projectId: projectId(), queueItemId: item.id })).rejects.toMatchObject({ code: "PRECONDITION_FAILED" });
    await lead().resolution.reopenGold({ projectId: projectId(), queueItemId: item.id, reason: "maybe wrong" });
    await lead().resolution.cancelReopen({ projectId: projectId(), queueItemId: item.id });
    expect((await currentGold(item.id)).id).toBe(old.id);
    const state = await testDb.db.selectFrom("queue_items").select("state").where("id", "=", item.id).executeTakeFirstOrThrow();
    expect(state.state).toBe("resolved");
    expect((await lead().resolution.listConflicts({ projectId: projectId() })).some((conflict) => conflict.queueItemId === item.id)).toBe(false);
    // Finalizing after a cancel is refused: the item is resolved again.
    await expect(lead().resolution.finalize({ projectId: projectId(), queueItemId: item.id, values: { verdict: "harmful" } })).rejects.toMatchObject({ code: "CONFLICT" });
  });

  it("refuses to reopen an item without gold, and hides history from annotators who did not answer", async () => {
    const queue = await seedQueue(testDb.db, { projectId: projectId(), overlap: 2 });
    const [pending] = await seedQueueItems(testDb.db, { projectId: projectId(), queueId: queue.id, count: 1 });
    await expect(lead().resolution.reopenGold({ projectId: projectId(), queueItemId: pending!.id, reason: "nothing to revise" })).rejects.toMatchObject({
      code: "PRECONDITION_FAILED",
      cause: { field: "queueItemId" },
    });
    const { items, annotators } = await seedResolvedItems(1);
    await expect(callerFor(team.members.annotator).resolution.goldHistory({ projectId: projectId(), queueItemId: items[0]!.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(callerFor(annotators[0]!).resolution.goldHistory({ projectId: projectId(), queueItemId: items[0]!.id })).resolves.toMatchObject({ canRevise: false });
    await expect(callerFor(annotators[0]!).resolution.reopenGold({ projectId: projectId(), queueItemId: items[0]!.id, reason: "I changed my mind" })).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  it("shows in the next release: a relabelled row, and a row removed once its new label fails the dataset's filter", async () => {
    const { queue, items, annotators } = await seedResolvedItems(3);
    const ml = callerFor(team.members.ml);
    const { id: datasetId } = await ml.datasets.create({ projectId: projectId(), name: "Helpful or harmful", queueIds: [queue.id], labelFilters: { verdict: ["helpful", "harmful"] } });
    const one = await publishAndWait(testDb.db, ml, { projectId: projectId(), datasetId });
    expect(one).toMatchObject({ number: 1, rowCount: 3 });

    const revise = async (queueItemId: number, verdict: string) => {
      await lead().resolution.reopenGold({ projectId: projectId(), queueItemId, reason: `should be ${verdict}` });
      // While reopened, the old gold is still what a release would take.
      expect((await ml.datasets.get({ projectId: projectId(), datasetId })).eligibleRows).toBe(3);
      await lead().resolution.finalize({ projectId: projectId(), queueItemId, values: { verdict } });
    };
    await revise(items[0]!.id, "harmful");
    await revise(items[1]!.id, "off_topic");
    const two = await publishAndWait(testDb.db, ml, { projectId: projectId(), datasetId });
    expect(two).toMatchObject({ number: 2, rowCount: 2, changelog: { added: 0, removed: 1, relabelled: 1 } });

    const changes = await ml.datasets.releaseChanges({ projectId: projectId(), datasetId, release: 2 });
    expect(changes.rows.map((row) => [row.externalId, row.change, row.before?.label, row.after?.label]).sort()).toEqual(
      [
        [items[0]!.externalId, "relabelled", { verdict: "helpful" }, { verdict: "harmful" }],
        [items[1]!.externalId, "removed", { verdict: "helpful" }, undefined],
      ].sort(),
    );
    const [row] = (await ml.datasets.releaseRows({ projectId: projectId(), datasetId, release: 2, change: "relabelled" })).rows;
    expect(row).toMatchObject({ externalId: items[0]!.externalId, label: { verdict: "harmful" }, previousLabel: { verdict: "helpful" } });
    const lineage = await testDb.db.selectFrom("release_rows").innerJoin("dataset_releases", "dataset_releases.id", "release_rows.release_id").select("release_rows.lineage").where("dataset_releases.dataset_id", "=", datasetId).where("dataset_releases.number", "=", 2).where("release_rows.external_id", "=", items[0]!.externalId).executeTakeFirstOrThrow();
    const previousGold = await testDb.db.selectFrom("gold_labels").select("id").where("queue_item_id", "=", items[0]!.id).where("is_current", "=", false).executeTakeFirstOrThrow();
    // Pseudonymous ids as the release contract defines them; names and emails never appear.
    const pseudonym = (userId: string) => `ann_${createHash("sha256").update(`${projectId()}:${userId}`).digest("hex").slice(0, 12)}`;
    expect(lineage.lineage).toMatchObject({
      output_id: expect.any(Number),
      gold_label_id: expect.any(Number),
      supersedes: previousGold.id,
      gold: { method: "adjudicated", confidence: 1, adjudicator: pseudonym(team.members.lead.id) },
      annotations: annotators.map((annotator) => ({ annotator: pseudonym(annotator.id), values: { verdict: "helpful" }, correction: null, submitted_at: expect.any(String) })),
    });
    expect(JSON.stringify(lineage.lineage)).not.toContain(team.members.lead.email);
  });
});
