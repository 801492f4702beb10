import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedProjectTeam, seedReviewers } from "@/db/seed/factories";
import { seedQueue, seedQueueItems } from "@/db/seed/loop";
import { setUpTestDatabase } from "@/db/testing/test-database";
import { createCaller } from "@/server/api/root";
import { createInnerContext } from "@/server/api/trpc";
import { publishAndWait } from "@/server/datasets/testing";
import { connectCollabClient, type CollabClient } from "@/server/collab/provider-client";
import { buildCollabDocumentName, SHARED_ANSWER_FIELD, sharedDocumentKey } from "@/server/collab/schema";
import { parseEnv } from "@/server/lib/env";
import { DEFAULT_LOOP_SETTINGS, DEFAULT_QUALITY_SETTINGS } from "@/server/queues/schema";
import { buildQueueInput } from "@/server/queues/test-fixtures";
import { startGoldloop, type RunningGoldloop } from "@/server/runtime/start";

const root = fileURLToPath(new URL("../..", import.meta.url));
const testDb = setUpTestDatabase();
let server: RunningGoldloop;
let team: Awaited<ReturnType<typeof seedProjectTeam>>;
type Person = { id: string; email: string; name: string; isInstanceAdmin: boolean };
const callerFor = (user: Person) => createCaller(createInnerContext({ db: testDb.db, user }));
const projectId = () => team.project.id;
const clients: CollabClient[] = [];

beforeAll(async () => {
  team = await seedProjectTeam(testDb.db);
  const env = parseEnv({ ...process.env, DATABASE_URL: testDb.url, PORT: "0", HOST: "127.0.0.1" });
  server = await startGoldloop({ root, env, roles: ["collab"] });
});

afterAll(async () => {
  for (const client of clients) client.close();
  await server?.stop();
});

/** Opens an item's shared document as `person`, the way the review page does. */
async function openShared(person: Person, queueItemId: number): Promise<CollabClient> {
  const documentKey = sharedDocumentKey(queueItemId);
  const client = connectCollabClient({
    baseUrl: server.url,
    documentName: buildCollabDocumentName(projectId(), documentKey),
    token: async () => (await callerFor(person).collab.mintToken({ projectId: projectId(), documentKey, mode: "edit" })).token,
  });
  clients.push(client);
  await client.ready;
  return client;
}

/** Resolves once the server acknowledged (stored) every edit this client made. */
function waitUntilSaved(client: CollabClient): Promise<void> {
  return new Promise((resolve) => {
    const check = () => {
      if (client.provider.hasUnsyncedChanges) return;
      client.provider.off("unsyncedChanges", check);
      resolve();
    };
    client.provider.on("unsyncedChanges", check);
    check();
  });
}

async function seedCollaborativeItem() {
  const queue = await seedQueue(testDb.db, { projectId: projectId(), overlap: 2, mode: "collaborative" });
  const [item] = await seedQueueItems(testDb.db, { projectId: projectId(), queueId: queue.id, count: 1 });
  const [ana, ben] = await seedReviewers(testDb.db, { projectId: projectId(), count: 2 });
  const anaTask = await callerFor(ana!).review.claimNext({ projectId: projectId(), queueId: queue.id });
  const benTask = await callerFor(ben!).review.claimNext({ projectId: projectId(), queueId: queue.id });
  return { queue, item: item!, ana: ana!, ben: ben!, anaAssignment: anaTask!.assignment.id, benAssignment: benTask!.assignment.id };
}

describe("collaborative queues", () => {
  it("are created through the API, refusing what only blind answers use by field", async () => {
    const lead = callerFor(team.members.lead);
    const { id } = await lead.queues.create({ projectId: projectId(), ...buildQueueInput({ rate: 1 }, { mode: "collaborative" }) });
    expect(await lead.queues.get({ projectId: projectId(), queueId: id })).toMatchObject({ mode: "collaborative" });
    await expect(lead.queues.create({ projectId: projectId(), ...buildQueueInput({ rate: 1 }, { mode: "collaborative", decoyRate: 0.1 }) })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      cause: { field: "decoyRate" },
    });
    await expect(lead.queues.create({ projectId: projectId(), ...buildQueueInput({ rate: 1 }, { mode: "shared" as never }) })).rejects.toThrow(/mode is blind or collaborative/);
    // Nor can the settings cards turn them on later.
    await expect(lead.queues.updateQualitySettings({ projectId: projectId(), queueId: id, ...DEFAULT_QUALITY_SETTINGS, goldItemRate: 0.1 })).rejects.toMatchObject({ cause: { field: "goldItemRate" } });
    await expect(lead.queues.updateLoopSettings({ projectId: projectId(), queueId: id, ...DEFAULT_LOOP_SETTINGS, suggestionDisplay: "preselected", decoyRate: 0.1 })).rejects.toMatchObject({ cause: { field: "decoyRate" } });
  });

  it("switch mode on edit only while none of their open items is claimed, naming the field", async () => {
    const lead = callerFor(team.members.lead);
    const { id: queueId } = await lead.queues.create({ projectId: projectId(), ...buildQueueInput({ rate: 1 }, { mode: "blind", overlap: 1 }) });
    const [item] = await seedQueueItems(testDb.db, { projectId: projectId(), queueId, count: 1 });
    const queue = await lead.queues.get({ projectId: projectId(), queueId });
    const definition = { projectId: projectId(), queueId, name: queue.name, instructions: queue.instructions, overlap: queue.overlap, leaseSeconds: queue.leaseSeconds, samplingRule: queue.samplingRule };
    const [annotator] = await seedReviewers(testDb.db, { projectId: projectId(), count: 1 });
    const task = await callerFor(annotator!).review.claimNext({ projectId: projectId(), queueId });
    await expect(lead.queues.update({ ...definition, mode: "collaborative" })).rejects.toMatchObject({ code: "BAD_REQUEST", cause: { field: "mode" } });
    await callerFor(annotator!).review.submit({ projectId: projectId(), assignmentId: task!.assignment.id, values: { verdict: "helpful" } });
    expect((await testDb.db.selectFrom("queue_items").select("state").where("id", "=", item!.id).executeTakeFirstOrThrow()).state).toBe("resolved");
    await expect(lead.queues.update({ ...definition, mode: "collaborative" })).resolves.toMatchObject({ changed: ["mode"] });
    expect(await lead.queues.get({ projectId: projectId(), queueId })).toMatchObject({ mode: "collaborative" });
    // Without a mode the queue keeps the one it has.
    await expect(lead.queues.update({ ...definition, name: "Renamed" })).resolves.toMatchObject({ changed: ["name"] });
    expect(await lead.queues.get({ projectId: projectId(), queueId })).toMatchObject({ mode: "collaborative" });
  });

  it("lets k annotators co-edit one answer, records who wrote what, and makes gold only from k approvals of one version", async () => {
    const { queue, item, ana, ben, anaAssignment, benAssignment } = await seedCollaborativeItem();
    const anas = callerFor(ana);
    const bens = callerFor(ben);
    // A blind submit has no place here.
    await expect(anas.review.submit({ projectId: projectId(), assignmentId: anaAssignment, values: { verdict: "helpful" } })).rejects.toMatchObject({ code: "PRECONDITION_FAILED" });

    const anaDoc = await openShared(ana, item.id);
    const benDoc = await openShared(ben, item.id);
    // The required verdict is still empty: the approval names it.
    await expect(anas.review.approve({ projectId: projectId(), assignmentId: anaAssignment })).rejects.toMatchObject({ code: "BAD_REQUEST", cause: { field: "values.verdict" } });

    anaDoc.text.insert(0, "Ana wrote this. ");
    anaDoc.provider.document.getMap(SHARED_ANSWER_FIELD).set("verdict", "helpful");
    await waitUntilSaved(anaDoc);
    await benDoc.waitForText(anaDoc.text.toString());
    benDoc.text.insert(benDoc.text.length, " Ben added this.");
    await waitUntilSaved(benDoc);

    const authors = (await anas.review.shared({ projectId: projectId(), assignmentId: anaAssignment })).authors;
    expect(authors).toEqual(
      expect.arrayContaining([
        { clientId: anaDoc.provider.document.clientID, userId: ana.id, name: ana.name },
        { clientId: benDoc.provider.document.clientID, userId: ben.id, name: ben.name },
      ]),
    );

    await expect(anas.review.approve({ projectId: projectId(), assignmentId: anaAssignment })).resolves.toMatchObject({ itemState: "in_review", approvals: 1, needed: 2 });
    // Ben changes the answer: Ana's approval was of an earlier version.
    benDoc.provider.document.getMap(SHARED_ANSWER_FIELD).set("verdict", "off_topic");
    await waitUntilSaved(benDoc);
    expect((await bens.review.shared({ projectId: projectId(), assignmentId: benAssignment })).approvals).toEqual([
      expect.objectContaining({ annotatorId: ana.id, name: ana.name, isCurrent: false }),
    ]);
    await expect(bens.review.approve({ projectId: projectId(), assignmentId: benAssignment })).resolves.toMatchObject({ itemState: "in_review", approvals: 1 });
    await expect(anas.review.approve({ projectId: projectId(), assignmentId: anaAssignment })).resolves.toMatchObject({ itemState: "resolved", approvals: 2 });

    const finalText = anaDoc.text.toString();
    const gold = await testDb.db.selectFrom("gold_labels").select(["values", "correction", "method", "provenance"]).where("queue_item_id", "=", item.id).executeTakeFirstOrThrow();
    expect(gold).toMatchObject({ values: { verdict: "off_topic" }, correction: finalText, method: "unanimous", provenance: { mode: "collaborative", approvers: [ana.id, ben.id] } });
    const audited = await testDb.db.selectFrom("audit_log").select("actor_user_id").where("project_id", "=", projectId()).where("action", "=", "annotation.approved").execute();
    expect(audited.map((entry) => entry.actor_user_id)).toEqual([ana.id, ben.id, ana.id]);
    expect((await anas.review.shared({ projectId: projectId(), assignmentId: anaAssignment })).itemState).toBe("resolved");
    // Gold is final here: no more approvals, and the shared document is only watched from now on.
    await expect(bens.review.approve({ projectId: projectId(), assignmentId: benAssignment })).rejects.toMatchObject({ code: "PRECONDITION_FAILED", message: "this item is gold already" });
    await expect(anas.collab.mintToken({ projectId: projectId(), documentKey: sharedDocumentKey(item.id), mode: "edit" })).resolves.toMatchObject({ isReadOnly: true });

    // A release carries the shared answer and correction like any gold.
    const ml = callerFor(team.members.ml);
    const { id: datasetId } = await ml.datasets.create({ projectId: projectId(), name: `Shared ${queue.id}`, queueIds: [queue.id] });
    await expect(publishAndWait(testDb.db, ml, { projectId: projectId(), datasetId })).resolves.toMatchObject({ status: "published", rowCount: 1 });
    const row = await testDb.db.selectFrom("release_rows").select(["label", "correction", "method"]).where("project_id", "=", projectId()).where("queue_id", "=", queue.id).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ label: { verdict: "off_topic" }, correction: finalText, method: "unanimous" });
  });

  it("hands an item its annotators cannot agree on to a lead, who sees why and decides it from the shared answer", async () => {
    const { item, ana, ben, anaAssignment, benAssignment } = await seedCollaborativeItem();
    const [anas, bens, lead] = [callerFor(ana), callerFor(ben), callerFor(team.members.lead)];
    const anaDoc = await openShared(ana, item.id);
    anaDoc.text.insert(0, "Ana's fix. ");
    anaDoc.provider.document.getMap(SHARED_ANSWER_FIELD).set("verdict", "helpful");
    await waitUntilSaved(anaDoc);
    await anas.review.approve({ projectId: projectId(), assignmentId: anaAssignment });
    anaDoc.provider.document.getMap(SHARED_ANSWER_FIELD).set("verdict", "off_topic");
    await waitUntilSaved(anaDoc);
    await bens.review.approve({ projectId: projectId(), assignmentId: benAssignment });

    await expect(bens.review.escalate({ projectId: projectId(), assignmentId: benAssignment, reason: "   " })).rejects.toThrow(/say why a lead should decide/);
    const escalated = await bens.review.escalate({ projectId: projectId(), assignmentId: benAssignment, reason: "We disagree on whether it is off topic" });
    const reasons = [`${ben.name} asked a lead: We disagree on whether it is off topic`, "2 of 2 approved, 2 different versions"];
    expect(escalated).toEqual({ itemState: "conflict", reasons });
    // The item takes no more approvals, and both annotators see why.
    await expect(anas.review.approve({ projectId: projectId(), assignmentId: anaAssignment })).rejects.toMatchObject({ code: "PRECONDITION_FAILED", message: "this item no longer takes approvals; it is conflict" });
    await expect(anas.review.escalate({ projectId: projectId(), assignmentId: anaAssignment, reason: "Again" })).rejects.toMatchObject({ code: "PRECONDITION_FAILED" });
    expect(await anas.review.shared({ projectId: projectId(), assignmentId: anaAssignment })).toMatchObject({ itemState: "conflict", conflictReasons: reasons });
    const audited = await testDb.db.selectFrom("audit_log").select(["actor_user_id", "data"]).where("action", "=", "item.escalated").where("target_id", "=", String(item.id)).execute();
    expect(audited).toEqual([{ actor_user_id: ben.id, data: expect.objectContaining({ reason: "We disagree on whether it is off topic" }) }]);

    // The lead reads the reasons, both approvals and the shared answer as it stands, and decides.
    const conflict = await lead.resolution.getConflict({ projectId: projectId(), queueItemId: item.id });
    expect(conflict.item.reasons).toEqual(reasons);
    expect(conflict.annotations.map((answer) => answer.values)).toEqual([{ verdict: "helpful" }, { verdict: "off_topic" }]);
    expect(conflict.sharedAnswer).toEqual({ values: { verdict: "off_topic" }, correction: anaDoc.text.toString() });
    expect((await lead.resolution.listConflicts({ projectId: projectId() })).map((row) => row.queueItemId)).toContain(item.id);
    await lead.resolution.finalize({ projectId: projectId(), queueItemId: item.id, values: { verdict: "helpful" } });
    expect(await anas.review.shared({ projectId: projectId(), assignmentId: anaAssignment })).toMatchObject({ itemState: "resolved", conflictReasons: [] });
  });

  it("ends the leases of annotators who had not approved when an item goes to a lead, and refuses escalations that cannot apply", async () => {
    const { item, ana, anaAssignment, benAssignment } = await seedCollaborativeItem();
    await expect(callerFor(ana).review.escalate({ projectId: projectId(), assignmentId: anaAssignment, reason: "Neither of us knows the refund policy" })).resolves.toMatchObject({
      reasons: [`${ana.name} asked a lead: Neither of us knows the refund policy`, "nobody approved a version"],
    });
    const seats = await testDb.db.selectFrom("assignments").select(["id", "state"]).where("queue_item_id", "=", item.id).orderBy("id").execute();
    expect(seats).toEqual([
      { id: anaAssignment, state: "expired" },
      { id: benAssignment, state: "expired" },
    ]);
    // Nothing in the shared document yet: the lead starts from the original.
    expect((await callerFor(team.members.lead).resolution.getConflict({ projectId: projectId(), queueItemId: item.id })).sharedAnswer).toBeNull();
    // Someone else's assignment, and a blind one.
    await expect(callerFor(ana).review.escalate({ projectId: projectId(), assignmentId: benAssignment, reason: "Mine now" })).rejects.toMatchObject({ code: "NOT_FOUND" });
    const blind = await seedQueue(testDb.db, { projectId: projectId(), overlap: 2 });
    await seedQueueItems(testDb.db, { projectId: projectId(), queueId: blind.id, count: 1 });
    const task = await callerFor(ana).review.claimNext({ projectId: projectId(), queueId: blind.id });
    await expect(callerFor(ana).review.escalate({ projectId: projectId(), assignmentId: task!.assignment.id, reason: "Blind" })).rejects.toMatchObject({ code: "PRECONDITION_FAILED" });
  });

  it("opens the shared document only to the item's annotators (and leads, to watch)", async () => {
    const { item } = await seedCollaborativeItem();
    const documentKey = sharedDocumentKey(item.id);
    const [stranger] = await seedReviewers(testDb.db, { projectId: projectId(), count: 1 });
    await expect(callerFor(stranger!).collab.mintToken({ projectId: projectId(), documentKey, mode: "edit" })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(callerFor(team.members.lead).collab.mintToken({ projectId: projectId(), documentKey, mode: "edit" })).resolves.toMatchObject({ isReadOnly: true });
    // Blind items have none, even for their own annotators.
    const blind = await seedQueue(testDb.db, { projectId: projectId(), overlap: 2 });
    const [blindItem] = await seedQueueItems(testDb.db, { projectId: projectId(), queueId: blind.id, count: 1 });
    const [annotator] = await seedReviewers(testDb.db, { projectId: projectId(), count: 1 });
    await callerFor(annotator!).review.claimNext({ projectId: projectId(), queueId: blind.id });
    await expect(callerFor(annotator!).collab.mintToken({ projectId: projectId(), documentKey: sharedDocumentKey(blindItem!.id), mode: "edit" })).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  it("refuses an edit written under a client id someone else owns, so authorship cannot be forged", async () => {
    const { item, ana, ben } = await seedCollaborativeItem();
    const anaDoc = await openShared(ana, item.id);
    anaDoc.text.insert(0, "Ana's words. ");
    await waitUntilSaved(anaDoc);
    const forger = await openShared(ben, item.id);
    // Yjs itself moves off a client id it sees someone else use; a forger sets it back after the sync.
    forger.provider.document.clientID = anaDoc.provider.document.clientID;
    const closed = new Promise<void>((resolve) => forger.provider.on("close", () => resolve()));
    forger.text.insert(0, "Forged as Ana. ");
    await closed;
    forger.close();
    const reader = await openShared(ana, item.id);
    expect(reader.text.toString()).not.toContain("Forged");
    const owners = await testDb.db.selectFrom("collab_authors").select("user_id").where("document_name", "=", buildCollabDocumentName(projectId(), sharedDocumentKey(item.id))).execute();
    expect(owners.map((row) => row.user_id)).not.toContain(ben.id);
  });
});
