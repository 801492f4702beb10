import { fileURLToPath } from "node:url";
import * as Y from "yjs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedProjectTeam } from "@/db/seed/factories";
import { seedQueue, seedQueueItems } from "@/db/seed/loop";
import { setUpTestDatabase } from "@/db/testing/test-database";
import { createCaller } from "@/server/api/root";
import { createInnerContext } from "@/server/api/trpc";
import { parseEnv } from "@/server/lib/env";
import { startGoldloop, type RunningGoldloop } from "@/server/runtime/start";
import type { SessionUser } from "@/server/users/schema";
import { findDocumentState } from "./persistence-service";
import { connectCollabClient, type CollabClient } from "./provider-client";
import { buildCollabDocumentName, COLLAB_TEXT_FIELD } from "./schema";

const root = fileURLToPath(new URL("../..", import.meta.url));
const testDb = setUpTestDatabase();
let server: RunningGoldloop;
let team: Awaited<ReturnType<typeof seedProjectTeam>>;

beforeAll(async () => {
  team = await seedProjectTeam(testDb.db);
  const env = parseEnv({ ...process.env, DATABASE_URL: testDb.url, PORT: "0", HOST: "127.0.0.1" });
  server = await startGoldloop({ root, env, roles: ["collab"] });
});

afterAll(async () => {
  await server?.stop();
});

const callerFor = (user: SessionUser) => createCaller(createInnerContext({ db: testDb.db, user }));
const admin = () => callerFor(team.members.admin);
const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

/** A provider whose token comes from `collab.mintToken`, as in the browser: every reconnect mints anew. */
function open(user: SessionUser, documentKey: string): CollabClient {
  return connectCollabClient({
    baseUrl: server.url,
    documentName: buildCollabDocumentName(team.project.id, documentKey),
    token: async () => (await callerFor(user).collab.mintToken({ projectId: team.project.id, documentKey, mode: "edit" })).token,
  });
}

/** Resolves when the server closes the client's connection. */
function closed(client: CollabClient): Promise<void> {
  return new Promise((done) => client.provider.on("close", () => done()));
}

/** Resolves when a reconnect attempt is refused. */
function refused(client: CollabClient): Promise<void> {
  return new Promise((done) => client.provider.on("authenticationFailed", () => done()));
}

async function storedText(documentKey: string): Promise<string> {
  const doc = new Y.Doc();
  const state = await findDocumentState(testDb.db, team.project.id, buildCollabDocumentName(team.project.id, documentKey));
  if (state) Y.applyUpdate(doc, state);
  return doc.getText(COLLAB_TEXT_FIELD).toString();
}

describe("live revocation of collaboration rights", () => {
  it("closes a removed member's open document, and none of what they type afterwards reaches anyone", async () => {
    const documentKey = "scratch/revoked";
    const leaving = open(team.members.ml, documentKey);
    const staying = open(team.members.lead, documentKey);
    await Promise.all([leaving.ready, staying.ready]);
    leaving.text.insert(0, "before removal. ");
    await staying.waitForText("before removal. ");

    const isClosed = closed(leaving);
    const isRefused = refused(leaving);
    await admin().members.remove({ projectId: team.project.id, userId: team.members.ml.id });
    await isClosed;
    for (let edit = 0; edit < 20; edit += 1) leaving.text.insert(leaving.text.length, `after ${edit}. `);
    // Their provider keeps trying to reconnect; once a try has been refused, nothing of theirs got in.
    await isRefused;
    staying.text.insert(staying.text.length, "lead was here.");
    await sleep(300);
    expect(staying.text.toString()).toBe("before removal. lead was here.");
    expect(await storedText(documentKey)).toBe("before removal. lead was here.");
    leaving.close();
    staying.close();
  });

  it("closes an annotator's correction document when their role drops below reviewing", async () => {
    const queue = await seedQueue(testDb.db, { projectId: team.project.id });
    await seedQueueItems(testDb.db, { projectId: team.project.id, queueId: queue.id, count: 1 });
    const task = await callerFor(team.members.annotator).review.claimNext({ projectId: team.project.id, queueId: queue.id });
    const documentKey = task!.correctionDocumentKey!;
    const editor = open(team.members.annotator, documentKey);
    await editor.ready;

    const isClosed = closed(editor);
    const isRefused = refused(editor);
    await admin().members.changeRole({ projectId: team.project.id, userId: team.members.annotator.id, role: "ml" });
    await isClosed;
    editor.text.insert(0, "typed as ml ");
    await isRefused;
    expect(await storedText(documentKey)).not.toContain("typed as ml");
    editor.close();
  });

  it("leaves other people's connections open when one person's rights change", async () => {
    const documentKey = "scratch/others";
    const lead = open(team.members.lead, documentKey);
    await lead.ready;
    let closes = 0;
    lead.provider.on("close", () => (closes += 1));
    await admin().members.changeRole({ projectId: team.project.id, userId: team.members.annotator.id, role: "annotator" });
    const other = await seedProjectTeam(testDb.db);
    await callerFor(other.members.admin).members.remove({ projectId: other.project.id, userId: other.members.lead.id });
    lead.text.insert(0, "still here");
    await sleep(500);
    expect(closes).toBe(0);
    expect(await storedText(documentKey)).toBe("still here");
    lead.close();
  });
});
