import { beforeAll, describe, expect, it } from "vitest";
import { seedProjectTeam, seedReviewers } from "@/db/seed/factories";
import { seedQueue, seedQueueItems } from "@/db/seed/loop";
import { setUpTestDatabase } from "@/db/testing/test-database";
import { createCaller } from "@/server/api/root";
import { createInnerContext } from "@/server/api/trpc";
import { correctionDocumentKey } from "@/server/collab/schema";

const testDb = setUpTestDatabase();
let team: Awaited<ReturnType<typeof seedProjectTeam>>;
type Person = { id: string; email: string; name: string; isInstanceAdmin: boolean };
const callerFor = (user: Person) => createCaller(createInnerContext({ db: testDb.db, user }));
const projectId = () => team.project.id;

beforeAll(async () => {
  team = await seedProjectTeam(testDb.db);
});

describe("changing one's own answer", () => {
  it("keeps the replaced answer as a revision until the item resolves, then refuses; others' answers are not found", async () => {
    const queue = await seedQueue(testDb.db, { projectId: projectId(), overlap: 2 });
    const [item] = await seedQueueItems(testDb.db, { projectId: projectId(), queueId: queue.id, count: 1 });
    const [ana, ben] = await seedReviewers(testDb.db, { projectId: projectId(), count: 2 });
    const anas = callerFor(ana!);
    const task = await anas.review.claimNext({ projectId: projectId(), queueId: queue.id });
    await anas.review.submit({ projectId: projectId(), assignmentId: task!.assignment.id, values: { verdict: "harmful" }, note: "first look" });

    expect(await anas.review.recentAnswers({ projectId: projectId(), queueId: queue.id })).toMatchObject([
      { assignmentId: task!.assignment.id, itemState: "in_review", isChangeable: true, revision: 1, values: { verdict: "harmful" } },
    ]);
    const correction = { projectId: projectId(), documentKey: correctionDocumentKey(task!.assignment.id), mode: "edit" as const };
    await expect(anas.collab.mintToken(correction)).resolves.toMatchObject({ isReadOnly: false });
    await expect(anas.review.editAnswer({ projectId: projectId(), assignmentId: task!.assignment.id, values: { verdict: "nope" } })).rejects.toMatchObject({ code: "BAD_REQUEST", message: "values.verdict: pick one of helpful, harmful, off_topic" });
    await expect(callerFor(ben!).review.editAnswer({ projectId: projectId(), assignmentId: task!.assignment.id, values: { verdict: "helpful" } })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(anas.review.editAnswer({ projectId: projectId(), assignmentId: task!.assignment.id, values: { verdict: "helpful" }, note: "second look" })).resolves.toMatchObject({ revision: 2 });

    const answer = await anas.review.getAnswer({ projectId: projectId(), assignmentId: task!.assignment.id });
    expect(answer).toMatchObject({ values: { verdict: "helpful" }, note: "second look", revision: 2, isChangeable: true });
    const kept = await testDb.db.selectFrom("annotation_revisions").select(["revision", "values", "note"]).where("annotation_id", "=", answer.id).execute();
    expect(kept).toEqual([{ revision: 1, values: { verdict: "harmful" }, note: "first look" }]);
    const audit = await testDb.db.selectFrom("audit_log").select(["data", "actor_user_id"]).where("action", "=", "annotation.revised").where("target_id", "=", String(answer.id)).executeTakeFirstOrThrow();
    expect(audit).toMatchObject({ actor_user_id: ana!.id, data: { revision: 2, from: { verdict: "harmful" }, to: { verdict: "helpful" } } });

    // Ben's agreeing answer makes the (changed) answers unanimous gold; Ana's answer is final from then on.
    const bens = await callerFor(ben!).review.claimNext({ projectId: projectId(), queueId: queue.id });
    await callerFor(ben!).review.submit({ projectId: projectId(), assignmentId: bens!.assignment.id, values: { verdict: "helpful" } });
    const gold = await testDb.db.selectFrom("gold_labels").select(["values", "method"]).where("queue_item_id", "=", item!.id).executeTakeFirstOrThrow();
    expect(gold).toEqual({ values: { verdict: "helpful" }, method: "unanimous" });
    await expect(anas.review.editAnswer({ projectId: projectId(), assignmentId: task!.assignment.id, values: { verdict: "off_topic" } })).rejects.toMatchObject({
      code: "PRECONDITION_FAILED",
      message: "this item is gold already; a lead can revise its gold",
    });
    expect(await anas.review.recentAnswers({ projectId: projectId(), queueId: queue.id })).toMatchObject([{ itemState: "resolved", isChangeable: false }]);
    await expect(anas.collab.mintToken(correction)).resolves.toMatchObject({ isReadOnly: true });
  });
});
