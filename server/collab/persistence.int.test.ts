import * as Y from "yjs";
import { describe, expect, it } from "vitest";
import { seedProjectTeam } from "@/db/seed/factories";
import { setUpTestDatabase } from "@/db/testing/test-database";
import { compactDocument, findDocumentState } from "./persistence-service";
import { appendUpdates } from "./queries";
import { buildCollabDocumentName, COLLAB_TEXT_FIELD } from "./schema";

const testDb = setUpTestDatabase();

/** A client's document whose every edit is handed to `onUpdate`, as a provider sends it. */
function editor(onUpdate: (update: Uint8Array) => void) {
  const doc = new Y.Doc();
  doc.on("update", (update: Uint8Array) => onUpdate(update));
  return doc.getText(COLLAB_TEXT_FIELD);
}

function textOf(state: Uint8Array | null): string {
  const doc = new Y.Doc();
  if (state) Y.applyUpdate(doc, state);
  return doc.getText(COLLAB_TEXT_FIELD).toString();
}

async function countLogRows(documentName: string): Promise<number> {
  const row = await testDb.db.selectFrom("collab_updates").select((eb) => eb.fn.countAll<number>().as("rows")).where("document_name", "=", documentName).executeTakeFirstOrThrow();
  return Number(row.rows);
}

describe("collaboration persistence: an update log compacted into a snapshot", () => {
  it("reads a document as snapshot plus log, and compaction folds the log without changing the text", async () => {
    const { project } = await seedProjectTeam(testDb.db);
    const name = buildCollabDocumentName(project.id, "scratch/fold");
    const pending: Promise<void>[] = [];
    const text = editor((update) => pending.push(appendUpdates(testDb.db, [{ projectId: project.id, documentName: name, update }])));
    text.insert(0, "Refunds take 5 days.");
    await Promise.all(pending);
    expect(textOf(await findDocumentState(testDb.db, project.id, name))).toBe("Refunds take 5 days.");

    await compactDocument(testDb.db, { projectId: project.id, name });
    expect(await countLogRows(name)).toBe(0);
    text.delete(13, 1);
    text.insert(13, "3");
    await Promise.all(pending);
    expect(await countLogRows(name)).toBe(2);
    expect(textOf(await findDocumentState(testDb.db, project.id, name))).toBe("Refunds take 3 days.");
    expect(textOf(await compactDocument(testDb.db, { projectId: project.id, name }))).toBe("Refunds take 3 days.");
    expect(await countLogRows(name)).toBe(0);
  });

  it("loses nothing when compactions race each other and new edits", async () => {
    const { project } = await seedProjectTeam(testDb.db);
    const name = buildCollabDocumentName(project.id, "scratch/race");
    const writes: Promise<void>[] = [];
    const text = editor((update) => writes.push(appendUpdates(testDb.db, [{ projectId: project.id, documentName: name, update }])));
    const compactions: Promise<unknown>[] = [];
    for (let index = 0; index < 40; index += 1) {
      text.insert(text.length, `[${index}]`);
      if (index % 5 === 0) compactions.push(compactDocument(testDb.db, { projectId: project.id, name }));
    }
    await Promise.all([...writes, ...compactions]);
    const expected = Array.from({ length: 40 }, (_, index) => `[${index}]`).join("");
    expect(textOf(await findDocumentState(testDb.db, project.id, name))).toBe(expected);
    expect(textOf(await compactDocument(testDb.db, { projectId: project.id, name }))).toBe(expected);
  });

  it("keeps a log row that commits after a later row was already folded", async () => {
    const { project } = await seedProjectTeam(testDb.db);
    const name = buildCollabDocumentName(project.id, "scratch/late-commit");
    const doc = new Y.Doc();
    const text = doc.getText(COLLAB_TEXT_FIELD);
    text.insert(0, "first ");
    const first = Y.encodeStateAsUpdate(doc);
    const before = Y.encodeStateVector(doc);
    text.insert(text.length, "second");
    const second = Y.encodeStateAsUpdate(doc, before);

    // The first row takes the smaller id but commits last, after a compaction folded the second.
    let releaseFirst!: () => void;
    const firstInserted = new Promise<void>((inserted) => {
      void testDb.db.transaction().execute(async (trx) => {
        await appendUpdates(trx, [{ projectId: project.id, documentName: name, update: first }]);
        inserted();
        await new Promise<void>((release) => (releaseFirst = release));
      });
    });
    await firstInserted;
    await appendUpdates(testDb.db, [{ projectId: project.id, documentName: name, update: second }]);
    await compactDocument(testDb.db, { projectId: project.id, name });
    releaseFirst();
    await expect.poll(() => countLogRows(name)).toBe(1);
    expect(textOf(await findDocumentState(testDb.db, project.id, name))).toBe("first second");
  });
});
