import superjson from "superjson";
import { beforeAll, describe, expect, it } from "vitest";
import { seedProjectTeam, seedReviewers } from "@/db/seed/factories";
import { seedQueue, seedQueueItems, VERDICT_FIELD } from "@/db/seed/loop";
import { setUpTestDatabase } from "@/db/testing/test-database";
import { createCaller } from "@/server/api/root";
import { createInnerContext } from "@/server/api/trpc";
import { handleTrpcRequest, TRPC_ENDPOINT } from "@/server/api/trpc-http";
import { publishAndWait } from "@/server/datasets/testing";
import type { SessionUser } from "@/server/users/schema";
import { reapExpiredLeases } from "./claim-queries";

const testDb = setUpTestDatabase();
let team: Awaited<ReturnType<typeof seedProjectTeam>>;
const callerFor = (user: SessionUser) => createCaller(createInnerContext({ db: testDb.db, user }));
const projectId = () => team.project.id;
const SUGGESTION = { source: "gpt-4o-judge", values: { verdict: "helpful" } };
const verdicts = VERDICT_FIELD.options.map((option) => option.value);

beforeAll(async () => {
  team = await seedProjectTeam(testDb.db);
});

/** A queue of `count` items whose outputs carry SUGGESTION, with the given display and decoy rate. */
async function setUpQueue(settings: { suggestionDisplay: "hidden" | "preselected"; decoyRate: number; overlap?: number; count?: number }) {
  const queue = await seedQueue(testDb.db, { projectId: projectId(), overlap: settings.overlap ?? 2 });
  await testDb.db.updateTable("queues").set({ suggestion_display: settings.suggestionDisplay, decoy_rate: settings.decoyRate }).where("id", "=", queue.id).execute();
  const items = await seedQueueItems(testDb.db, { projectId: projectId(), queueId: queue.id, count: settings.count ?? 3 });
  await testDb.db
    .updateTable("outputs")
    .set({ suggestion: JSON.stringify(SUGGESTION) })
    .where("id", "in", items.map((item) => item.outputId))
    .execute();
  return { queue, items };
}

/** A procedure called over HTTP as the browser calls it; returns the raw response text. */
async function callOverHttp(user: SessionUser, path: string, type: "query" | "mutation", input: unknown): Promise<string> {
  const body = JSON.stringify(superjson.serialize(input));
  const url = `http://localhost${TRPC_ENDPOINT}/${path}`;
  const request =
    type === "query"
      ? new Request(`${url}?input=${encodeURIComponent(body)}`)
      : new Request(url, { method: "POST", headers: { "content-type": "application/json" }, body });
  const response = await handleTrpcRequest(request, async () => createInnerContext({ db: testDb.db, user }));
  expect(response.status).toBe(200);
  return response.text();
}

type TaskJson = { assignment: { id: number; queueItemId: number }; suggestion: { source: string; values: Record<string, string> } | null };
const parseTask = (text: string) => superjson.deserialize<TaskJson>((JSON.parse(text) as { result: { data: Parameters<typeof superjson.deserialize>[0] } }).result.data);

/** Every key path in a JSON value, so two responses can be compared by shape alone. */
function keyPaths(value: unknown, prefix = ""): string[] {
  if (value === null || typeof value !== "object") return [prefix];
  return Object.entries(value).flatMap(([key, child]) => keyPaths(child, `${prefix}.${Array.isArray(value) ? "[]" : key}`));
}

const isDecoy = async (assignmentId: number) =>
  (await testDb.db.selectFrom("assignments").select("is_decoy").where("id", "=", assignmentId).executeTakeFirstOrThrow()).is_decoy;

/** Claims until an assignment turns out to be a decoy, skipping the real ones; decoy rate 0.5 makes 30 misses a one-in-a-billion event. */
async function claimUntilDecoy(user: SessionUser, queueId: string) {
  for (let attempt = 0; attempt < 30; attempt += 1) {
    const text = await callOverHttp(user, "review.claimNext", "mutation", { projectId: projectId(), queueId });
    const task = parseTask(text);
    if (await isDecoy(task.assignment.id)) return { text, task };
    await callerFor(user).review.skip({ projectId: projectId(), assignmentId: task.assignment.id, reason: "unclear" });
  }
  throw new Error("no decoy in 30 claims");
}

describe("suggestions at review", () => {
  it("pre-select the output's suggestion only where the queue shows suggestions and the value is one of its options", async () => {
    const [alice] = await seedReviewers(testDb.db, { projectId: projectId(), count: 1 });
    const hidden = await setUpQueue({ suggestionDisplay: "hidden", decoyRate: 0 });
    expect((await callerFor(alice!).review.claimNext({ projectId: projectId(), queueId: hidden.queue.id }))!.suggestion).toBeNull();

    const shown = await setUpQueue({ suggestionDisplay: "preselected", decoyRate: 0 });
    await testDb.db.updateTable("outputs").set({ suggestion: JSON.stringify({ source: "judge", values: { verdict: "excellent" } }) }).where("id", "=", shown.items[1]!.outputId).execute();
    const first = await callerFor(alice!).review.claimNext({ projectId: projectId(), queueId: shown.queue.id });
    expect(first!.suggestion).toEqual(SUGGESTION);
    await expect(callerFor(alice!).review.get({ projectId: projectId(), assignmentId: first!.assignment.id })).resolves.toMatchObject({ suggestion: SUGGESTION });
    const second = await callerFor(alice!).review.claimNext({ projectId: projectId(), queueId: shown.queue.id, excludeAssignmentIds: [first!.assignment.id] });
    expect(second!.assignment.queueItemId).toBe(shown.items[1]!.id);
    expect(second!.suggestion).toBeNull();
  });

  it("send a decoy to the browser exactly as a real suggestion: no decoy key anywhere, a different option of the field", async () => {
    const [alice, bob] = await seedReviewers(testDb.db, { projectId: projectId(), count: 2 });
    const { queue } = await setUpQueue({ suggestionDisplay: "preselected", decoyRate: 0.5, count: 30 });
    const decoy = await claimUntilDecoy(alice!, queue.id);
    expect(decoy.text).not.toMatch(/decoy/i);
    expect(Object.keys(decoy.task.suggestion!).sort()).toEqual(["source", "values"]);
    expect(decoy.task.suggestion!.source).toBe(SUGGESTION.source);
    expect(verdicts).toContain(decoy.task.suggestion!.values.verdict);
    expect(decoy.task.suggestion!.values.verdict).not.toBe("helpful");
    const stored = await testDb.db.selectFrom("assignments").select("shown_suggestion").where("id", "=", decoy.task.assignment.id).executeTakeFirstOrThrow();
    expect(stored.shown_suggestion).toEqual(decoy.task.suggestion);

    const reread = await callOverHttp(alice!, "review.get", "query", { projectId: projectId(), assignmentId: decoy.task.assignment.id });
    expect(reread).not.toMatch(/decoy/i);
    expect(parseTask(reread).suggestion).toEqual(decoy.task.suggestion);

    // A real suggestion's task has the very same shape.
    await testDb.db.updateTable("queues").set({ decoy_rate: 0 }).where("id", "=", queue.id).execute();
    const real = await callOverHttp(bob!, "review.claimNext", "mutation", { projectId: projectId(), queueId: queue.id });
    expect(await isDecoy(parseTask(real).assignment.id)).toBe(false);
    expect(keyPaths(JSON.parse(real)).sort()).toEqual(keyPaths(JSON.parse(decoy.text)).sort());
  });

  it("show at most one decoy per item, so an item never needs more than one annotator beyond k", async () => {
    const reviewers = await seedReviewers(testDb.db, { projectId: projectId(), count: 8 });
    const { queue, items } = await setUpQueue({ suggestionDisplay: "preselected", decoyRate: 0.5, overlap: 2, count: 12 });
    for (const reviewer of reviewers) {
      for (let task = await callerFor(reviewer).review.claimNext({ projectId: projectId(), queueId: queue.id }); task; task = await callerFor(reviewer).review.claimNext({ projectId: projectId(), queueId: queue.id })) {
        await callerFor(reviewer).review.submit({ projectId: projectId(), assignmentId: task.assignment.id, values: { verdict: "helpful" } });
      }
    }
    const decoys = await testDb.db
      .selectFrom("assignments")
      .select(["queue_item_id as itemId", (eb) => eb.fn.countAll<string>().as("count")])
      .where("queue_id", "=", queue.id)
      .where("is_decoy", "=", true)
      .groupBy("queue_item_id")
      .execute();
    expect(decoys.length).toBeGreaterThan(0);
    expect(decoys.every((row) => Number(row.count) === 1)).toBe(true);
    const states = await testDb.db.selectFrom("queue_items").select("state").where("id", "in", items.map((item) => item.id)).execute();
    expect(states.every((row) => row.state === "resolved")).toBe(true);
  });

  it("never let a decoy answer vote: the item gets gold from k honest answers and takes an extra annotator", async () => {
    const [alice, bob, carol] = await seedReviewers(testDb.db, { projectId: projectId(), count: 3 });
    const { queue } = await setUpQueue({ suggestionDisplay: "preselected", decoyRate: 0.5, overlap: 2, count: 30 });
    const { task } = await claimUntilDecoy(alice!, queue.id);
    const itemId = task.assignment.queueItemId;
    // Alice rubber-stamps the decoy: she submits the wrong value it pre-selected.
    const submitted = await callerFor(alice!).review.submit({ projectId: projectId(), assignmentId: task.assignment.id, values: task.suggestion!.values });
    expect((await testDb.db.selectFrom("queue_items").select("state").where("id", "=", itemId).executeTakeFirstOrThrow()).state).toBe("pending");
    const annotation = await testDb.db.selectFrom("annotations").selectAll().where("id", "=", submitted.annotationId).executeTakeFirstOrThrow();
    expect(annotation).toMatchObject({ was_decoy: true, counts_toward_gold: false, shown_suggestion: task.suggestion, values: task.suggestion!.values });
    const afterDecoy = await testDb.db.selectFrom("queue_items").select(["assigned_count", "submitted_count", "state"]).where("id", "=", itemId).executeTakeFirstOrThrow();
    expect(afterDecoy).toEqual({ assigned_count: 0, submitted_count: 0, state: "pending" });

    await testDb.db.updateTable("queues").set({ decoy_rate: 0 }).where("id", "=", queue.id).execute();
    // Put the item first in line, so the next two claims land on it.
    await testDb.db.updateTable("queue_items").set({ priority: 10 }).where("id", "=", itemId).execute();
    const aliceNext = await callerFor(alice!).review.claimNext({ projectId: projectId(), queueId: queue.id });
    expect(aliceNext!.assignment.queueItemId).not.toBe(itemId);
    for (const honest of [bob!, carol!]) {
      const honestTask = await callerFor(honest).review.claimNext({ projectId: projectId(), queueId: queue.id });
      expect(honestTask!.assignment.queueItemId).toBe(itemId);
      expect(honestTask!.suggestion).toEqual(SUGGESTION);
      await callerFor(honest).review.submit({ projectId: projectId(), assignmentId: honestTask!.assignment.id, values: { verdict: "helpful" } });
    }

    const gold = await testDb.db.selectFrom("gold_labels").selectAll().where("queue_item_id", "=", itemId).executeTakeFirstOrThrow();
    expect(gold).toMatchObject({ values: { verdict: "helpful" }, method: "unanimous", confidence: 1 });
    const provenance = gold.provenance as { votes: Record<string, string>; annotationIds: number[] };
    expect(Object.keys(provenance.votes).sort()).toEqual([bob!.id, carol!.id].sort());
    expect(provenance.annotationIds).not.toContain(submitted.annotationId);
    const item = await testDb.db.selectFrom("queue_items").select(["submitted_count", "state"]).where("id", "=", itemId).executeTakeFirstOrThrow();
    expect(item).toEqual({ submitted_count: 2, state: "resolved" });
    const conflictView = await callerFor(team.members.lead).resolution.getConflict({ projectId: projectId(), queueItemId: itemId });
    expect(conflictView.annotations.map((one) => one.annotatorId).sort()).toEqual([bob!.id, carol!.id].sort());

    // A release's lineage lists the answers that made the gold, and not the decoy answer.
    const admin = callerFor(team.members.admin);
    const { id: datasetId } = await admin.datasets.create({ projectId: projectId(), name: `Decoy-free ${queue.id}`, queueIds: [queue.id] });
    await publishAndWait(testDb.db, admin, { projectId: projectId(), datasetId });
    const row = await testDb.db.selectFrom("release_rows").select("lineage").where("gold_label_id", "=", gold.id).executeTakeFirstOrThrow();
    const lineage = row.lineage as { annotations: { values: Record<string, string> }[] };
    expect(lineage.annotations.map((one) => one.values)).toEqual([{ verdict: "helpful" }, { verdict: "helpful" }]);
  });

  it("take no seat for a decoy answer submitted after its lease expired", async () => {
    const [dave] = await seedReviewers(testDb.db, { projectId: projectId(), count: 1 });
    const { queue } = await setUpQueue({ suggestionDisplay: "preselected", decoyRate: 0.5, overlap: 1, count: 30 });
    const { task } = await claimUntilDecoy(dave!, queue.id);
    await testDb.db.updateTable("assignments").set({ lease_expires_at: new Date(Date.now() - 1_000) }).where("id", "=", task.assignment.id).execute();
    await reapExpiredLeases(testDb.db, { projectId: projectId(), queueId: queue.id });
    const reaped = await testDb.db.selectFrom("queue_items").select("assigned_count").where("id", "=", task.assignment.queueItemId).executeTakeFirstOrThrow();
    expect(reaped.assigned_count).toBe(0);
    await callerFor(dave!).review.submit({ projectId: projectId(), assignmentId: task.assignment.id, values: task.suggestion!.values });
    const item = await testDb.db.selectFrom("queue_items").select(["assigned_count", "submitted_count", "state"]).where("id", "=", task.assignment.queueItemId).executeTakeFirstOrThrow();
    expect(item).toEqual({ assigned_count: 0, submitted_count: 0, state: "pending" });
  });
});
