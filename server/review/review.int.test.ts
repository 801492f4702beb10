import * as Y from "yjs";
import { beforeAll, describe, expect, it } from "vitest";
import { seedProjectTeam, seedReviewers } from "@/db/seed/factories";
import { seedQueue, seedQueueItems, VERDICT_LABEL_SCHEMA } from "@/db/seed/loop";
import { setUpTestDatabase } from "@/db/testing/test-database";
import { createCaller } from "@/server/api/root";
import { createInnerContext } from "@/server/api/trpc";
import { appendUpdates } from "@/server/collab/queries";
import { buildCollabDocumentName, COLLAB_TEXT_FIELD, correctionDocumentKey } from "@/server/collab/schema";

const testDb = setUpTestDatabase();
let team: Awaited<ReturnType<typeof seedProjectTeam>>;
const callerFor = (user: { id: string; email: string; name: string; isInstanceAdmin: boolean }) => createCaller(createInnerContext({ db: testDb.db, user }));

beforeAll(async () => {
  team = await seedProjectTeam(testDb.db);
});

/** A Yjs document holding `text`, as the browser sends it (base64 of its full state). */
function encodeDocument(text: string, base?: Uint8Array): string {
  const doc = new Y.Doc();
  if (base) Y.applyUpdate(doc, base);
  const field = doc.getText(COLLAB_TEXT_FIELD);
  field.delete(0, field.length);
  field.insert(0, text);
  return Buffer.from(Y.encodeStateAsUpdate(doc)).toString("base64");
}

async function setUpQueue(overrides: Omit<Parameters<typeof seedQueue>[1], "projectId"> = {}) {
  const queue = await seedQueue(testDb.db, { projectId: team.project.id, overlap: 2, ...overrides });
  const items = await seedQueueItems(testDb.db, { projectId: team.project.id, queueId: queue.id, count: 3 });
  const [alice, bob] = await seedReviewers(testDb.db, { projectId: team.project.id, count: 2 });
  return { queue, items, alice: alice!, bob: bob! };
}

describe("review procedures", () => {
  it("claim a task with its output, signals, original text and correction document, and prefetch the next", async () => {
    const { queue, items, alice } = await setUpQueue();
    await testDb.db.insertInto("signals").values({ project_id: team.project.id, output_id: items[0]!.outputId, kind: "thumbs_down", occurred_at: new Date() }).execute();
    const caller = callerFor(alice);
    const task = await caller.review.claimNext({ projectId: team.project.id, queueId: queue.id });
    expect(task).toMatchObject({
      assignment: { queueItemId: items[0]!.id, state: "active" },
      queue: { id: queue.id, labelSchema: VERDICT_LABEL_SCHEMA, leaseSeconds: 600, mode: "blind" },
      output: { externalId: items[0]!.externalId, model: "support-bot-1" },
      signals: [{ kind: "thumbs_down", value: null, comment: null }],
      originalText: "Answer 0: refunds take 5 days.",
    });
    expect(task!.correctionDocumentKey).toBe(correctionDocumentKey(task!.assignment.id));

    const again = await caller.review.claimNext({ projectId: team.project.id, queueId: queue.id });
    expect(again!.assignment.id).toBe(task!.assignment.id);
    const prefetched = await caller.review.claimNext({ projectId: team.project.id, queueId: queue.id, excludeAssignmentIds: [task!.assignment.id] });
    expect(prefetched!.assignment.queueItemId).toBe(items[1]!.id);
    await expect(caller.review.get({ projectId: team.project.id, assignmentId: prefetched!.assignment.id })).resolves.toMatchObject({ assignment: { id: prefetched!.assignment.id } });
  });

  it("are blind: another annotator's task never carries the first one's answer", async () => {
    const { queue, alice, bob } = await setUpQueue();
    const aliceTask = await callerFor(alice).review.claimNext({ projectId: team.project.id, queueId: queue.id });
    await callerFor(alice).review.submit({
      projectId: team.project.id,
      assignmentId: aliceTask!.assignment.id,
      values: { verdict: "off_topic" },
      note: "SECRET-NOTE-OF-ALICE",
      correctionState: encodeDocument("SECRET-CORRECTION-OF-ALICE"),
    });
    const bobTask = await callerFor(bob).review.claimNext({ projectId: team.project.id, queueId: queue.id });
    expect(bobTask!.assignment.queueItemId).toBe(aliceTask!.assignment.queueItemId);
    const seen = JSON.stringify(await callerFor(bob).review.get({ projectId: team.project.id, assignmentId: bobTask!.assignment.id }));
    for (const secret of ["SECRET-NOTE-OF-ALICE", "SECRET-CORRECTION-OF-ALICE", alice.id]) expect(seen).not.toContain(secret);
  });

  it("hide other people's assignments behind NOT_FOUND and refuse members without the annotator role", async () => {
    const { queue, alice, bob } = await setUpQueue();
    const task = await callerFor(alice).review.claimNext({ projectId: team.project.id, queueId: queue.id });
    const assignmentId = task!.assignment.id;
    const bobCaller = callerFor(bob);
    await expect(bobCaller.review.get({ projectId: team.project.id, assignmentId })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(bobCaller.review.heartbeat({ projectId: team.project.id, assignmentId })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(bobCaller.review.skip({ projectId: team.project.id, assignmentId, reason: "unclear" })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(bobCaller.review.submit({ projectId: team.project.id, assignmentId, values: { verdict: "helpful" } })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(callerFor(team.members.ml).review.claimNext({ projectId: team.project.id, queueId: queue.id })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(callerFor(team.outsider).review.myItems({ projectId: team.project.id })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(callerFor(team.members.lead).review.claimNext({ projectId: team.project.id, queueId: queue.id })).resolves.not.toBeNull();
  });

  it("submit idempotently, answering a repeat with the first annotation", async () => {
    const { queue, alice } = await setUpQueue();
    const caller = callerFor(alice);
    const task = await caller.review.claimNext({ projectId: team.project.id, queueId: queue.id });
    const input = { projectId: team.project.id, assignmentId: task!.assignment.id, values: { verdict: "helpful" }, timeSpentMs: 1200 };
    const first = await caller.review.submit(input);
    const [second, third] = await Promise.all([caller.review.submit(input), caller.review.submit({ ...input, values: { verdict: "harmful" } })]);
    expect(first).toEqual({ annotationId: expect.any(Number), alreadySubmitted: false });
    expect(second).toEqual({ ...first, alreadySubmitted: true });
    expect(third).toEqual({ ...first, alreadySubmitted: true });
    const item = await testDb.db.selectFrom("queue_items").select(["submitted_count"]).where("id", "=", task!.assignment.queueItemId).executeTakeFirstOrThrow();
    expect(item.submitted_count).toBe(1);
    await expect(caller.review.heartbeat({ projectId: team.project.id, assignmentId: task!.assignment.id })).rejects.toMatchObject({
      code: "PRECONDITION_FAILED",
      message: "you already submitted this item",
    });
  });

  it("check answers against the label schema, naming the field", async () => {
    const { queue, alice } = await setUpQueue({ labelSchema: { ...VERDICT_LABEL_SCHEMA, allowNote: false } });
    const caller = callerFor(alice);
    const task = await caller.review.claimNext({ projectId: team.project.id, queueId: queue.id });
    const base = { projectId: team.project.id, assignmentId: task!.assignment.id };
    await expect(caller.review.submit({ ...base, values: {} })).rejects.toMatchObject({ code: "BAD_REQUEST", cause: { field: "values.verdict" } });
    await expect(caller.review.submit({ ...base, values: { verdict: "great" } })).rejects.toMatchObject({ cause: { field: "values.verdict" } });
    await expect(caller.review.submit({ ...base, values: { verdict: "helpful", tone: "warm" } })).rejects.toMatchObject({ cause: { field: "values.tone" } });
    await expect(caller.review.submit({ ...base, values: { verdict: "helpful" }, note: "hm" })).rejects.toMatchObject({ cause: { field: "note" } });
    await expect(caller.review.skip({ ...base, reason: "other" })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(caller.review.submit({ ...base, values: { verdict: "helpful" } })).resolves.toMatchObject({ alreadySubmitted: false });
  });

  it("snapshot the correction: client copy merged with the stored document, null when unchanged", async () => {
    const { queue, alice } = await setUpQueue({ overlap: 1 });
    const caller = callerFor(alice);
    const claim = async () => (await caller.review.claimNext({ projectId: team.project.id, queueId: queue.id }))!;
    const correctionOf = async (annotationId: number) =>
      (await testDb.db.selectFrom("annotations").select("correction").where("id", "=", annotationId).executeTakeFirstOrThrow()).correction;

    const untouched = await claim();
    const plain = await caller.review.submit({ projectId: team.project.id, assignmentId: untouched.assignment.id, values: { verdict: "helpful" } });
    expect(await correctionOf(plain.annotationId)).toBeNull();

    const spaced = await claim();
    const onlySpaces = await caller.review.submit({
      projectId: team.project.id,
      assignmentId: spaced.assignment.id,
      values: { verdict: "helpful" },
      correctionState: encodeDocument(`  ${spaced.originalText.replace(/ /g, "  ")}\n`),
    });
    expect(await correctionOf(onlySpaces.annotationId)).toBeNull();

    // The log holds an edit from another tab, not yet compacted; the client's copy adds a line on top of it.
    const merged = await claim();
    const documentName = buildCollabDocumentName(team.project.id, merged.correctionDocumentKey!);
    const storedDoc = new Y.Doc();
    storedDoc.getText(COLLAB_TEXT_FIELD).insert(0, "Refunds take 3 days.");
    const storedState = Y.encodeStateAsUpdate(storedDoc);
    await appendUpdates(testDb.db, [{ projectId: team.project.id, documentName, update: storedState }]);
    const clientDoc = new Y.Doc();
    Y.applyUpdate(clientDoc, storedState);
    clientDoc.getText(COLLAB_TEXT_FIELD).insert("Refunds take 3 days.".length, " Sorry!");
    const result = await caller.review.submit({
      projectId: team.project.id,
      assignmentId: merged.assignment.id,
      values: { verdict: "harmful" },
      correctionState: Buffer.from(Y.encodeStateAsUpdate(clientDoc)).toString("base64"),
    });
    expect(await correctionOf(result.annotationId)).toBe("Refunds take 3 days. Sorry!");
  });

  it("list my settled items, newest first", async () => {
    const { queue, alice, bob } = await setUpQueue();
    for (const person of [alice, bob]) {
      const task = await callerFor(person).review.claimNext({ projectId: team.project.id, queueId: queue.id });
      await callerFor(person).review.submit({ projectId: team.project.id, assignmentId: task!.assignment.id, values: { verdict: "helpful" } });
    }
    const mine = await callerFor(alice).review.myItems({ projectId: team.project.id });
    expect(mine[0]).toMatchObject({ queueName: queue.name, itemState: "resolved" });
    expect(mine[0]!.submittedAt).toBeInstanceOf(Date);
  });
});
