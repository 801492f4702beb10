import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedProjectTeam, seedReviewers } from "@/db/seed/factories";
import { seedQueue, seedQueueItems } from "@/db/seed/loop";
import { setUpTestDatabase } from "@/db/testing/test-database";
import { createCaller } from "@/server/api/root";
import { createInnerContext } from "@/server/api/trpc";
import { parseEnv } from "@/server/lib/env";
import { startGoldloop, type RunningGoldloop } from "@/server/runtime/start";
import { connectCollabClient } from "./provider-client";
import { buildCollabDocumentName, correctionDocumentKey, goldDocumentKey } from "./schema";

const root = fileURLToPath(new URL("../..", import.meta.url));
const testDb = setUpTestDatabase();
let team: Awaited<ReturnType<typeof seedProjectTeam>>;
type Person = { id: string; email: string; name: string; isInstanceAdmin: boolean };
const callerFor = (user: Person) => createCaller(createInnerContext({ db: testDb.db, user }));

beforeAll(async () => {
  team = await seedProjectTeam(testDb.db);
});

/** Two annotators answer one item of an overlap-2 queue differently, so it ends in conflict; a third holds nothing. */
async function setUpConflict() {
  const queue = await seedQueue(testDb.db, { projectId: team.project.id, overlap: 2 });
  const [item] = await seedQueueItems(testDb.db, { projectId: team.project.id, queueId: queue.id, count: 2 });
  const [alice, bob, carol] = await seedReviewers(testDb.db, { projectId: team.project.id, count: 3 });
  const assignments = [];
  for (const [person, verdict] of [[alice!, "helpful"], [bob!, "harmful"]] as const) {
    const task = await callerFor(person).review.claimNext({ projectId: team.project.id, queueId: queue.id });
    await callerFor(person).review.submit({ projectId: team.project.id, assignmentId: task!.assignment.id, values: { verdict } });
    assignments.push(task!.assignment.id);
  }
  const open = await callerFor(carol!).review.claimNext({ projectId: team.project.id, queueId: queue.id });
  return { item: item!, alice: alice!, bob: bob!, carol: carol!, submittedAssignmentId: assignments[0]!, openAssignmentId: open!.assignment.id };
}

const mint = (person: Person, documentKey: string, mode: "edit" | "watch" = "edit") =>
  callerFor(person).collab.mintToken({ projectId: team.project.id, documentKey, mode });

describe("collaboration access", () => {
  it("opens a correction document to its annotator only: edit while active, watch after", async () => {
    const { alice, carol, submittedAssignmentId, openAssignmentId } = await setUpConflict();
    await expect(mint(carol, correctionDocumentKey(openAssignmentId))).resolves.toMatchObject({ isReadOnly: false });
    await expect(mint(carol, correctionDocumentKey(openAssignmentId), "watch")).resolves.toMatchObject({ isReadOnly: true });
    await expect(mint(alice, correctionDocumentKey(submittedAssignmentId))).resolves.toMatchObject({ isReadOnly: true });
    await expect(mint(alice, correctionDocumentKey(openAssignmentId))).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(mint(team.members.lead, correctionDocumentKey(openAssignmentId))).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(mint(team.members.admin, correctionDocumentKey(999_999))).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  it("opens a gold document to leads, admins and the annotators who answered, for editing while in conflict", async () => {
    const { item, alice, carol } = await setUpConflict();
    const key = goldDocumentKey(item.id);
    await expect(mint(team.members.lead, key)).resolves.toMatchObject({ isReadOnly: false });
    await expect(mint(team.members.admin, key)).resolves.toMatchObject({ isReadOnly: false });
    await expect(mint(alice, key)).resolves.toMatchObject({ isReadOnly: false });
    await expect(mint(carol, key)).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(mint(team.members.ml, key)).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(mint(team.outsider, key)).rejects.toMatchObject({ code: "FORBIDDEN" });

    await callerFor(team.members.lead).resolution.finalize({ projectId: team.project.id, queueItemId: item.id, values: { verdict: "helpful" } });
    await expect(mint(alice, key)).resolves.toMatchObject({ isReadOnly: true });
    await expect(mint(team.members.lead, key)).resolves.toMatchObject({ isReadOnly: true });
  });

  it("opens scratch documents to any member and refuses unknown kinds", async () => {
    await expect(mint(team.members.ml, "scratch/notes")).resolves.toMatchObject({ isReadOnly: false });
    await expect(mint(team.members.admin, "draft/1")).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(mint(team.members.admin, "gold/abc")).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});

describe("document seeding", () => {
  let server: RunningGoldloop;
  beforeAll(async () => {
    server = await startGoldloop({ root, env: parseEnv({ ...process.env, DATABASE_URL: testDb.url, PORT: "0", HOST: "127.0.0.1" }), roles: ["collab"] });
  });
  afterAll(async () => {
    await server?.stop();
  });

  it("starts correction and gold documents as the original text, once, even when two tabs open them at once", async () => {
    const { item, carol, openAssignmentId } = await setUpConflict();
    const open = (person: Person, documentKey: string) =>
      connectCollabClient({
        baseUrl: server.url,
        documentName: buildCollabDocumentName(team.project.id, documentKey),
        token: async () => (await mint(person, documentKey)).token,
      });
    const tabs = [open(carol, correctionDocumentKey(openAssignmentId)), open(carol, correctionDocumentKey(openAssignmentId))];
    await Promise.all(tabs.map((tab) => tab.ready));
    for (const tab of tabs) expect(tab.text.toString()).toBe("Answer 1: refunds take 5 days.");
    tabs[0]!.text.insert(0, "Edited. ");
    await tabs[1]!.waitForText("Edited. Answer 1: refunds take 5 days.");

    const gold = open(team.members.lead, goldDocumentKey(item.id));
    await gold.ready;
    expect(gold.text.toString()).toBe("Answer 0: refunds take 5 days.");
    for (const client of [...tabs, gold]) client.close();
  });
});
