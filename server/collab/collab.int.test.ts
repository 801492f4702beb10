import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedProjectTeam } from "@/db/seed/factories";
import { setUpTestDatabase } from "@/db/testing/test-database";
import { createCaller } from "@/server/api/root";
import { createInnerContext } from "@/server/api/trpc";
import { getAppSecret } from "@/server/lib/app-secret";
import { parseEnv } from "@/server/lib/env";
import { startGoldloop, type RunningGoldloop } from "@/server/runtime/start";
import { connectCollabClient } from "./provider-client";
import { buildCollabDocumentName } from "./schema";
import { signCollabToken } from "./token";

const root = fileURLToPath(new URL("../..", import.meta.url));
const testDb = setUpTestDatabase();
let server: RunningGoldloop;
let team: Awaited<ReturnType<typeof seedProjectTeam>>;

async function startCollabServer(): Promise<RunningGoldloop> {
  const env = parseEnv({ ...process.env, DATABASE_URL: testDb.url, PORT: "0", HOST: "127.0.0.1" });
  return startGoldloop({ root, env, roles: ["collab"] });
}

/** Mints a token the way the browser does: through the tRPC procedure, as a signed-in member. */
async function mintToken(user: { id: string; email: string; name: string; isInstanceAdmin: boolean }, documentKey: string, mode: "edit" | "watch" = "edit") {
  const caller = createCaller(createInnerContext({ db: testDb.db, user }));
  const minted = await caller.collab.mintToken({ projectId: team.project.id, documentKey, mode });
  return minted.token;
}

beforeAll(async () => {
  team = await seedProjectTeam(testDb.db);
  server = await startCollabServer();
});

afterAll(async () => {
  await server?.stop();
});

describe("collaboration at /collab", () => {
  it("lets two members converge on one text, and keeps it across a server restart", async () => {
    const documentKey = "scratch/converge";
    const alice = connectCollabClient({ baseUrl: server.url, documentName: buildCollabDocumentName(team.project.id, documentKey), token: () => mintToken(team.members.annotator, documentKey) });
    const bob = connectCollabClient({ baseUrl: server.url, documentName: buildCollabDocumentName(team.project.id, documentKey), token: () => mintToken(team.members.lead, documentKey) });
    await Promise.all([alice.ready, bob.ready]);

    alice.text.insert(0, "The refund takes 5 days.");
    await bob.waitForText("The refund takes 5 days.");
    bob.text.insert(bob.text.length, " Sorry for the wait.");
    await alice.waitForText("The refund takes 5 days. Sorry for the wait.");
    alice.close();
    bob.close();

    await server.stop();
    server = await startCollabServer();
    const carol = connectCollabClient({ baseUrl: server.url, documentName: buildCollabDocumentName(team.project.id, documentKey), token: () => mintToken(team.members.admin, documentKey) });
    await carol.ready;
    expect(carol.text.toString()).toBe("The refund takes 5 days. Sorry for the wait.");
    carol.close();

    const stored = await testDb.db.selectFrom("collab_docs").select(["project_id"]).where("name", "=", buildCollabDocumentName(team.project.id, documentKey)).execute();
    expect(stored).toEqual([{ project_id: team.project.id }]);
  });

  it("refuses a forged token", async () => {
    const client = connectCollabClient({ baseUrl: server.url, documentName: buildCollabDocumentName(team.project.id, "scratch/forged"), token: "not-a-token" });
    await expect(client.ready).rejects.toThrow(/authentication failed/);
    client.close();
  });

  it("refuses an expired token", async () => {
    const documentName = buildCollabDocumentName(team.project.id, "scratch/expired");
    const expired = await signCollabToken(
      getAppSecret(),
      { userId: team.members.annotator.id, projectId: team.project.id, documentName, isReadOnly: false },
      new Date(Date.now() - 10 * 60_000),
    );
    const client = connectCollabClient({ baseUrl: server.url, documentName, token: expired });
    await expect(client.ready).rejects.toThrow(/authentication failed/);
    client.close();
  });

  it("refuses a token minted for another document", async () => {
    const token = await mintToken(team.members.annotator, "scratch/mine");
    const client = connectCollabClient({ baseUrl: server.url, documentName: buildCollabDocumentName(team.project.id, "scratch/theirs"), token });
    await expect(client.ready).rejects.toThrow(/authentication failed/);
    client.close();
  });

  it("refuses a member removed after the token was minted", async () => {
    const documentKey = "scratch/removed";
    const token = await mintToken(team.members.ml, documentKey);
    await createCaller(createInnerContext({ db: testDb.db, user: team.members.admin })).members.remove({ projectId: team.project.id, userId: team.members.ml.id });
    const client = connectCollabClient({ baseUrl: server.url, documentName: buildCollabDocumentName(team.project.id, documentKey), token });
    await expect(client.ready).rejects.toThrow(/authentication failed/);
    client.close();
  });

  it("lets a watcher see edits but not make them", async () => {
    const documentKey = "scratch/watched";
    const documentName = buildCollabDocumentName(team.project.id, documentKey);
    const editor = connectCollabClient({ baseUrl: server.url, documentName, token: () => mintToken(team.members.lead, documentKey) });
    const watcher = connectCollabClient({ baseUrl: server.url, documentName, token: () => mintToken(team.members.annotator, documentKey, "watch") });
    await Promise.all([editor.ready, watcher.ready]);
    editor.text.insert(0, "gold");
    await watcher.waitForText("gold");
    watcher.text.insert(0, "not ");
    editor.text.insert(4, "!");
    await editor.waitForText("gold!");
    await new Promise((done) => setTimeout(done, 300));
    expect(editor.text.toString()).toBe("gold!");
    editor.close();
    watcher.close();
  });
});
