import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedProjectTeam, seedReviewers } from "@/db/seed/factories";
import { seedQueue } from "@/db/seed/loop";
import { setUpTestDatabase } from "@/db/testing/test-database";
import { createCaller } from "@/server/api/root";
import { createInnerContext } from "@/server/api/trpc";
import { connectCollabClient, type CollabClient } from "@/server/collab/provider-client";
import { buildCollabDocumentName, goldDocumentKey } from "@/server/collab/schema";
import { ingestOutputs } from "@/server/ingest/service";
import { buildOutputItem } from "@/server/ingest/test-fixtures";
import { parseEnv } from "@/server/lib/env";
import { startGoldloop, type RunningGoldloop } from "@/server/runtime/start";
import type { SessionUser } from "@/server/users/schema";

const root = fileURLToPath(new URL("../..", import.meta.url));
const testDb = setUpTestDatabase();
let server: RunningGoldloop | undefined;
let team: Awaited<ReturnType<typeof seedProjectTeam>>;
const callerFor = (user: SessionUser) => createCaller(createInnerContext({ db: testDb.db, user }));

beforeAll(async () => {
  team = await seedProjectTeam(testDb.db);
  const env = parseEnv({ ...process.env, DATABASE_URL: testDb.url, PORT: "0", HOST: "127.0.0.1" });
  server = await startGoldloop({ root, env, roles: ["collab"] });
});

afterAll(async () => {
  await server?.stop();
});

describe("erasing an end user with a collaboration document open", () => {
  it("closes the editor of the erased item's gold correction, refuses its reconnect, and keeps nothing of the document", async () => {
    const projectId = team.project.id;
    const queue = await seedQueue(testDb.db, { projectId, overlap: 2 });
    await ingestOutputs(testDb.db, { projectId, apiKeyId: null }, [buildOutputItem(1, { external_id: "live-1", end_user_id: "live-user" })]);
    const reviewers = await seedReviewers(testDb.db, { projectId, count: 2 });
    for (const [reviewer, verdict] of [[reviewers[0]!, "helpful"], [reviewers[1]!, "harmful"]] as const) {
      const task = await callerFor(reviewer).review.claimNext({ projectId, queueId: queue.id });
      await callerFor(reviewer).review.submit({ projectId, assignmentId: task!.assignment.id, values: { verdict } });
    }
    const item = await testDb.db.selectFrom("queue_items").select(["id", "state"]).where("project_id", "=", projectId).executeTakeFirstOrThrow();
    expect(item.state).toBe("conflict");

    const documentKey = goldDocumentKey(item.id);
    const editor: CollabClient = connectCollabClient({
      baseUrl: server!.url,
      documentName: buildCollabDocumentName(projectId, documentKey),
      token: async () => (await callerFor(team.members.lead).collab.mintToken({ projectId, documentKey, mode: "edit" })).token,
    });
    await editor.ready;
    editor.text.insert(0, "Call Jane back. ");
    const isClosed = new Promise<void>((done) => editor.provider.on("close", () => done()));
    const isRefused = new Promise<void>((done) => editor.provider.on("authenticationFailed", () => done()));

    await callerFor(team.members.admin).privacy.eraseEndUser({ projectId, endUserId: "live-user" });
    await isClosed;
    for (let edit = 0; edit < 10; edit += 1) editor.text.insert(editor.text.length, `typed after ${edit}. `);
    await isRefused;
    editor.provider.destroy();
    // Stopping flushes every pending store: whatever the server still held is written now, or never.
    await server!.stop();
    server = undefined;
    const name = buildCollabDocumentName(projectId, documentKey);
    expect(await testDb.db.selectFrom("collab_updates").select("id").where("document_name", "=", name).execute()).toEqual([]);
    expect(await testDb.db.selectFrom("collab_docs").select("name").where("name", "=", name).execute()).toEqual([]);
  });
});
