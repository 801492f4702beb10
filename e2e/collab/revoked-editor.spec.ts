import * as Y from "yjs";
import { seedMembership, seedProject, seedUser } from "../../db/seed/factories";
import { seedQueue, seedQueueItems } from "../../db/seed/loop";
import { findDocumentState } from "../../server/collab/persistence-service";
import { buildCollabDocumentName, COLLAB_TEXT_FIELD, correctionDocumentKey } from "../../server/collab/schema";
import { removeMember } from "../../server/members/service";
import { expect, openE2eDatabase, signIn, test } from "../fixtures";

test("a member removed while correcting sees the editor stop at once, and nothing typed after is saved", async ({ page }) => {
  const db = openE2eDatabase();
  const project = await seedProject(db);
  const [admin, annotator] = await Promise.all([seedUser(db, { name: "Ada Admin" }), seedUser(db, { name: "Remy Removed" })]);
  await seedMembership(db, { projectId: project.id, userId: admin.id, role: "admin" });
  await seedMembership(db, { projectId: project.id, userId: annotator.id, role: "annotator" });
  const queue = await seedQueue(db, { projectId: project.id, overlap: 1 });
  await seedQueueItems(db, { projectId: project.id, queueId: queue.id, count: 1 });

  await signIn(page, annotator.email);
  await page.goto(`/p/${project.slug}/queues/${queue.id}/review`);
  const editor = page.getByRole("textbox", { name: "Corrected output" });
  await editor.click();
  await page.keyboard.press("Control+End");
  await page.keyboard.type(" Checked.");
  await expect(page.getByText("Saved", { exact: true })).toBeVisible();
  const assignment = await db.selectFrom("assignments").select("id").where("annotator_id", "=", annotator.id).executeTakeFirstOrThrow();

  await removeMember(db, { projectId: project.id, userId: admin.id }, { userId: annotator.id });
  await expect(page.getByText("You can no longer edit this document")).toBeVisible();
  await expect(page.getByText("Not connected: changes made here are not saved.")).toBeVisible();
  await expect(editor).toHaveAttribute("aria-readonly", "true");
  await editor.click();
  await page.keyboard.type(" After removal.");

  const documentName = buildCollabDocumentName(project.id, correctionDocumentKey(assignment.id));
  const stored = new Y.Doc();
  Y.applyUpdate(stored, (await findDocumentState(db, project.id, documentName))!);
  const storedText = stored.getText(COLLAB_TEXT_FIELD).toString();
  expect(storedText).toContain(" Checked.");
  expect(storedText).not.toContain("After removal");
  await db.destroy();
});
