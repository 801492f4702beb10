import { beforeAll, describe, expect, it } from "vitest";
import { seedProject, seedProjectTeam, seedReviewers } from "@/db/seed/factories";
import { seedQueue } from "@/db/seed/loop";
import { setUpTestDatabase } from "@/db/testing/test-database";
import { createCaller } from "@/server/api/root";
import { createInnerContext } from "@/server/api/trpc";
import { buildOutputItem } from "@/server/ingest/test-fixtures";
import { ingestOutputs } from "@/server/ingest/service";

const testDb = setUpTestDatabase();
let team: Awaited<ReturnType<typeof seedProjectTeam>>;
const callerFor = (user: { id: string; email: string; name: string; isInstanceAdmin: boolean }) => createCaller(createInnerContext({ db: testDb.db, user }));

/** Stores outputs through ingest (as REST and OTLP do) and returns their ids by external_id. */
async function ingest(projectId: string, items: Record<string, unknown>[]) {
  const { results } = await ingestOutputs(testDb.db, { projectId, apiKeyId: null }, items);
  return new Map(results.map((result) => [result.external_id, result.status === "created" ? result.id : -1]));
}

/** Puts an output into a queue of its project, as sampling would. */
async function enqueue(projectId: string, queueId: string, outputId: number) {
  const output = await testDb.db.selectFrom("outputs").select("content_hash").where("id", "=", outputId).executeTakeFirstOrThrow();
  return (await testDb.db.insertInto("queue_items").values({ project_id: projectId, queue_id: queueId, output_id: outputId, content_hash: output.content_hash, inclusion_probability: 1 }).returning("id").executeTakeFirstOrThrow()).id;
}

const turn = (id: string, session: string | undefined, minute: number, question: string) =>
  buildOutputItem(0, { external_id: id, session_id: session, produced_at: `2026-11-30T10:${String(minute).padStart(2, "0")}:00Z`, input: [{ role: "user", content: question }], output: `Answer to ${question}` });

beforeAll(async () => {
  team = await seedProjectTeam(testDb.db);
});

describe("threads", () => {
  it("give the annotator holding the last turn the earlier turns of its session in order, and nothing else", async () => {
    const projectId = team.project.id;
    const ids = await ingest(projectId, [
      turn("t3", "chat-1", 30, "And to Lisbon?"),
      turn("t1", "chat-1", 10, "Do you ship to Spain?"),
      turn("t2", "chat-1", 20, "How long does it take?"),
      turn("t4-later", "chat-1", 40, "Thanks"),
      turn("other-session", "chat-2", 5, "Unrelated"),
      turn("no-session", undefined, 1, "Alone"),
    ]);
    const foreign = await seedProject(testDb.db, { name: "Elsewhere" });
    await ingest(foreign.id, [turn("foreign", "chat-1", 15, "Another project's turn")]);

    const queue = await seedQueue(testDb.db, { projectId, overlap: 1 });
    const itemId = await enqueue(projectId, queue.id, ids.get("t3")!);
    const loneItemId = await enqueue(projectId, queue.id, ids.get("no-session")!);
    const [alice, bob] = await seedReviewers(testDb.db, { projectId, count: 2 });
    const task = await callerFor(alice!).review.claimNext({ projectId, queueId: queue.id });
    expect(task!.assignment.queueItemId).toBe(itemId);

    const thread = await callerFor(alice!).threads.getForAssignment({ projectId, assignmentId: task!.assignment.id });
    expect(thread).toMatchObject({ sessionId: "chat-1", total: 2 });
    expect(thread.turns.map((entry) => [entry.externalId, entry.input, entry.output])).toEqual([
      ["t1", [{ role: "user", content: "Do you ship to Spain?" }], "Answer to Do you ship to Spain?"],
      ["t2", [{ role: "user", content: "How long does it take?" }], "Answer to How long does it take?"],
    ]);
    expect(Object.keys(thread.turns[0]!).sort()).toEqual(["externalId", "id", "input", "model", "output", "producedAt"]);

    await expect(callerFor(bob!).threads.getForAssignment({ projectId, assignmentId: task!.assignment.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(callerFor(team.members.lead).threads.getForItem({ projectId, queueItemId: itemId })).resolves.toEqual(thread);
    await expect(callerFor(team.members.lead).threads.getForItem({ projectId, queueItemId: loneItemId })).resolves.toEqual({ sessionId: null, turns: [], total: 0 });
  });

  it("refuse another project's item and annotators asking by item", async () => {
    const foreign = await seedProject(testDb.db, { name: "Foreign" });
    const ids = await ingest(foreign.id, [turn("f1", "s", 1, "Hi")]);
    const foreignQueue = await seedQueue(testDb.db, { projectId: foreign.id, overlap: 1 });
    const foreignItemId = await enqueue(foreign.id, foreignQueue.id, ids.get("f1")!);
    await expect(callerFor(team.members.lead).threads.getForItem({ projectId: team.project.id, queueItemId: foreignItemId })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(callerFor(team.members.annotator).threads.getForItem({ projectId: team.project.id, queueItemId: foreignItemId })).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});
