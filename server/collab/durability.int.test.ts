import { sql } from "kysely";
import { afterEach, describe, expect, it } from "vitest";
import { seedProjectTeam } from "@/db/seed/factories";
import { setUpTestDatabase } from "@/db/testing/test-database";
import { getAppSecret } from "@/server/lib/app-secret";
import { startCollabProcess, type CollabProcess } from "./collab-process";
import { connectCollabClient, type CollabClient } from "./provider-client";
import { buildCollabDocumentName } from "./schema";
import { signCollabToken } from "./token";

const testDb = setUpTestDatabase();
let running: CollabProcess | undefined;
const clients: CollabClient[] = [];

afterEach(async () => {
  for (const client of clients.splice(0)) client.close();
  await running?.stop("SIGKILL");
  running = undefined;
});

const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

/** A random position at the start of the text or right after a mark. */
function randomMarkBoundary(text: string): number {
  const boundaries = [0];
  for (let index = text.indexOf(">"); index !== -1; index = text.indexOf(">", index + 1)) boundaries.push(index + 1);
  return boundaries[Math.floor(Math.random() * boundaries.length)]!;
}

/**
 * One person typing into a real provider: a unique mark every 15–30 ms between two random marks (never
 * inside one, so every mark stays findable). A mark counts as
 * acknowledged once the provider reports no unsynced changes after it was typed, exactly what the editor
 * shows as "saved".
 */
function startTyping(client: CollabClient, author: string) {
  const typed: string[] = [];
  const acknowledged = new Set<string>();
  let isTyping = true;
  client.provider.on("unsyncedChanges", ({ number }: { number: number }) => {
    if (number === 0) for (const mark of typed) acknowledged.add(mark);
  });
  const loop = (async () => {
    while (isTyping) {
      const mark = `<${author}:${typed.length}>`;
      typed.push(mark);
      client.text.insert(randomMarkBoundary(client.text.toString()), mark);
      await sleep(15 + Math.random() * 15);
    }
  })();
  return {
    acknowledged,
    stop: async () => {
      isTyping = false;
      await loop;
    },
  };
}

/** Resolves the next time `client` reports every change synced. */
function nextFullySynced(client: CollabClient): Promise<void> {
  return new Promise((done) => {
    const listener = ({ number }: { number: number }) => {
      if (number !== 0) return;
      client.provider.off("unsyncedChanges", listener);
      done();
    };
    client.provider.on("unsyncedChanges", listener);
  });
}

async function openDocument(team: Awaited<ReturnType<typeof seedProjectTeam>>, documentName: string, userId: string) {
  const client = connectCollabClient({
    baseUrl: running!.url,
    documentName,
    token: () => signCollabToken(getAppSecret(), { userId, projectId: team.project.id, documentName, isReadOnly: false }),
  });
  clients.push(client);
  await client.ready;
  return client;
}

/** Kills the server with SIGKILL and drops every client, so none can resend what the server lost. */
async function crash(): Promise<void> {
  await running!.stop("SIGKILL");
  for (const client of clients.splice(0)) client.close();
}

/** Restarts the server on the same database and reads the document's text with a fresh client. */
async function restartAndRead(team: Awaited<ReturnType<typeof seedProjectTeam>>, documentName: string): Promise<string> {
  running = await startCollabProcess({ databaseUrl: testDb.url });
  const reader = await openDocument(team, documentName, team.members.admin.id);
  return reader.text.toString();
}

function countLost(acknowledged: Iterable<string>, text: string) {
  const marks = [...acknowledged];
  return { acknowledged: marks.length, lost: marks.filter((mark) => !text.includes(mark)).length };
}

describe("collaboration durability: an edit is saved before its author is told so", () => {
  it("broadcasts an edit at once but acknowledges it only after its log row is committed", async () => {
    const team = await seedProjectTeam(testDb.db);
    running = await startCollabProcess({ databaseUrl: testDb.url });
    const documentName = buildCollabDocumentName(team.project.id, "scratch/ack-after-commit");
    const author = await openDocument(team, documentName, team.members.annotator.id);
    const reader = await openDocument(team, documentName, team.members.lead.id);

    // Holding a lock that blocks inserts into the log keeps the author's update from committing.
    let releaseLock!: () => void;
    const lockHeld = new Promise<void>((held) => {
      void testDb.db.transaction().execute(async (trx) => {
        await sql`lock table collab_updates in exclusive mode`.execute(trx);
        held();
        await new Promise<void>((release) => (releaseLock = release));
      });
    });
    await lockHeld;
    try {
      author.text.insert(0, "Refunds take 3 days.");
      await reader.waitForText("Refunds take 3 days.");
      await sleep(300);
      expect(author.provider.hasUnsyncedChanges).toBe(true);
    } finally {
      releaseLock();
    }
    if (author.provider.hasUnsyncedChanges) await nextFullySynced(author);
    const rows = await testDb.db.selectFrom("collab_updates").select("id").where("document_name", "=", documentName).execute();
    expect(rows.length).toBeGreaterThan(0);
  });
});

describe("collaboration durability: no acknowledged edit is lost to kill -9", () => {
  it("keeps every acknowledged edit of a busy document killed right after a client saw everything synced", async () => {
    const team = await seedProjectTeam(testDb.db);
    running = await startCollabProcess({ databaseUrl: testDb.url });
    const totals = { acknowledged: 0, lost: 0 };
    for (let round = 0; round < 3; round += 1) {
      const documentName = buildCollabDocumentName(team.project.id, `scratch/busy-${round}`);
      const people = [team.members.annotator, team.members.lead, team.members.admin];
      const editors = await Promise.all(people.map((person) => openDocument(team, documentName, person.id)));
      const typists = editors.map((editor, index) => startTyping(editor, `p${index}`));
      await sleep(1_500);
      // The kill lands while everyone is still typing, the moment one typist is told all is saved.
      await nextFullySynced(editors[round % editors.length]!);
      const acknowledged = typists.flatMap((typist) => [...typist.acknowledged]);
      await crash();
      await Promise.all(typists.map((typist) => typist.stop()));
      const text = await restartAndRead(team, documentName);
      const counts = countLost(acknowledged, text);
      totals.acknowledged += counts.acknowledged;
      totals.lost += counts.lost;
    }
    process.stdout.write(`busy document: ${totals.lost} of ${totals.acknowledged} acknowledged edits lost across 3 kills\n`);
    expect(totals.acknowledged).toBeGreaterThan(100);
    expect(totals.lost).toBe(0);
  });

  it("keeps every acknowledged edit of an idle document killed 200 ms after typing stopped", async () => {
    const team = await seedProjectTeam(testDb.db);
    running = await startCollabProcess({ databaseUrl: testDb.url });
    const documentName = buildCollabDocumentName(team.project.id, "scratch/idle");
    const client = await openDocument(team, documentName, team.members.annotator.id);
    const typist = startTyping(client, "idle");
    await sleep(1_000);
    await typist.stop();
    if (client.provider.hasUnsyncedChanges) await nextFullySynced(client);
    await sleep(200);
    await crash();
    const counts = countLost(typist.acknowledged, await restartAndRead(team, documentName));
    process.stdout.write(`idle document: ${counts.lost} of ${counts.acknowledged} acknowledged edits lost\n`);
    expect(counts.acknowledged).toBeGreaterThan(20);
    expect(counts.lost).toBe(0);
  });
});
