import { fileURLToPath } from "node:url";
import * as Y from "yjs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedProjectTeam, seedReviewers } from "@/db/seed/factories";
import { seedQueue, seedQueueItems } from "@/db/seed/loop";
import { setUpTestDatabase } from "@/db/testing/test-database";
import { createCaller } from "@/server/api/root";
import { createInnerContext } from "@/server/api/trpc";
import { connectCollabClient } from "@/server/collab/provider-client";
import { buildCollabDocumentName, COLLAB_TEXT_FIELD, goldDocumentKey } from "@/server/collab/schema";
import { parseEnv } from "@/server/lib/env";
import { isUnstorableText } from "@/server/lib/safe-text";
import { startGoldloop, type RunningGoldloop } from "@/server/runtime/start";
import type { SessionUser } from "@/server/users/schema";

// Postgres cannot store NUL; a correction or gold document that holds one (typed, pasted, or sent by a
// broken client) is snapshotted without it, so submit and finalize never fail on it.

const root = fileURLToPath(new URL("../..", import.meta.url));
const testDb = setUpTestDatabase();
let team: Awaited<ReturnType<typeof seedProjectTeam>>;
let server: RunningGoldloop;
const callerFor = (user: SessionUser) => createCaller(createInnerContext({ db: testDb.db, user }));

beforeAll(async () => {
  team = await seedProjectTeam(testDb.db);
  server = await startGoldloop({ root, env: parseEnv({ ...process.env, DATABASE_URL: testDb.url, PORT: "0", HOST: "127.0.0.1" }), roles: ["collab"] });
});

afterAll(async () => {
  await server?.stop();
});

const encodeState = (doc: Y.Doc) => Buffer.from(Y.encodeStateAsUpdate(doc)).toString("base64");

describe("correction text Postgres cannot store", () => {
  it("review.submit stores the correction without its NUL characters and broken surrogates", async () => {
    const queue = await seedQueue(testDb.db, { projectId: team.project.id, overlap: 1 });
    await seedQueueItems(testDb.db, { projectId: team.project.id, queueId: queue.id, count: 1 });
    const [annotator] = await seedReviewers(testDb.db, { projectId: team.project.id, count: 1 });
    const caller = callerFor(annotator!);
    const task = await caller.review.claimNext({ projectId: team.project.id, queueId: queue.id });

    // What the editor sends: its whole Yjs document, here with a NUL and a lone high surrogate typed into it.
    const doc = new Y.Doc();
    const text = doc.getText(COLLAB_TEXT_FIELD);
    text.insert(0, "Refunds take 3 days.");
    text.insert(7, "\u0000");
    text.insert(text.length, " Sorry \ud83d!");
    const result = await caller.review.submit({ projectId: team.project.id, assignmentId: task!.assignment.id, values: { verdict: "harmful" }, correctionState: encodeState(doc) });

    const { correction } = await testDb.db.selectFrom("annotations").select("correction").where("id", "=", result.annotationId).executeTakeFirstOrThrow();
    expect(correction).toMatch(/^Refunds take 3 days\. Sorry .!$/);
    expect(isUnstorableText(correction!)).toBe(false);
    const item = await testDb.db.selectFrom("queue_items").select("state").where("id", "=", task!.assignment.queueItemId).executeTakeFirstOrThrow();
    expect(item.state).toBe("resolved");
  });

  it("a NUL an annotator types into the shared gold document does not block the lead's finalize", async () => {
    const queue = await seedQueue(testDb.db, { projectId: team.project.id, overlap: 2 });
    const [item] = await seedQueueItems(testDb.db, { projectId: team.project.id, queueId: queue.id, count: 1 });
    const [ann, ben] = await seedReviewers(testDb.db, { projectId: team.project.id, count: 2 });
    for (const [person, verdict] of [[ann!, "helpful"], [ben!, "harmful"]] as const) {
      const task = await callerFor(person).review.claimNext({ projectId: team.project.id, queueId: queue.id });
      await callerFor(person).review.submit({ projectId: team.project.id, assignmentId: task!.assignment.id, values: { verdict } });
    }

    // Ann, who answered, joins the gold document live and types a NUL; the lead's editor receives it.
    const documentKey = goldDocumentKey(item!.id);
    const documentName = buildCollabDocumentName(team.project.id, documentKey);
    const tokenFor = (person: SessionUser) => async () => (await callerFor(person).collab.mintToken({ projectId: team.project.id, documentKey })).token;
    const annEditor = connectCollabClient({ baseUrl: server.url, documentName, token: tokenFor(ann!) });
    const leadEditor = connectCollabClient({ baseUrl: server.url, documentName, token: tokenFor(team.members.lead) });
    try {
      await Promise.all([annEditor.ready, leadEditor.ready]);
      const seeded = annEditor.text.toString();
      annEditor.text.insert(0, "Checked:\u0000 ");
      await leadEditor.waitForText(`Checked:\u0000 ${seeded}`);

      const { goldLabelId } = await callerFor(team.members.lead).resolution.finalize({
        projectId: team.project.id,
        queueItemId: item!.id,
        values: { verdict: "harmful" },
        correctionState: encodeState(leadEditor.provider.document),
      });
      const gold = await testDb.db.selectFrom("gold_labels").select(["correction", "method"]).where("id", "=", goldLabelId).executeTakeFirstOrThrow();
      expect(gold).toEqual({ method: "adjudicated", correction: `Checked: ${seeded}` });
    } finally {
      annEditor.close();
      leadEditor.close();
    }
  });
});
