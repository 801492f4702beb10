import type { Page } from "@playwright/test";
import { expect, openAs, test } from "../fixtures";
import { pickOption, seedCollaborativeItem } from "./collaborative-setup";

const sharedCorrection = (page: Page) => page.getByRole("textbox", { name: "Corrected output (shared)" });

/** Types at the end of the shared correction, waits until the server stored it, and leaves the editor. */
async function appendToCorrection(page: Page, text: string) {
  await sharedCorrection(page).click();
  await page.keyboard.press("ControlOrMeta+End");
  await page.keyboard.type(text);
  await expect(page.getByText("Saved", { exact: true })).toBeVisible();
  await page.keyboard.press("Escape");
}

test("two annotators co-edit one shared answer with presence and authorship, and it becomes gold when both approve one version", async ({ browser }) => {
  test.setTimeout(120_000);
  const { db, project, ana, bea, item, reviewUrl } = await seedCollaborativeItem({ project: "Collaborative review", annotators: ["Ana Shared", "Bea Shared"], lead: "Lee Lead" });
  const anaPage = await openAs(browser, ana.email);
  const beaPage = await openAs(browser, bea.email);
  await anaPage.goto(reviewUrl);
  await beaPage.goto(reviewUrl);

  // Both are in the one shared document, and each sees the other there.
  for (const [page, other] of [
    [anaPage, "Bea Shared"],
    [beaPage, "Ana Shared"],
  ] as const) {
    await expect(page.getByRole("heading", { name: "Shared answer" })).toBeVisible();
    await expect(page.getByRole("list", { name: "Also in this document" }).getByText(other)).toBeVisible();
  }

  // Both write into the shared correction; each sees the other's words, marked as theirs.
  await appendToCorrection(anaPage, " Ana checked the policy.");
  await appendToCorrection(beaPage, " Bea added the timeline.");
  for (const [page, other, words] of [
    [anaPage, "Bea Shared", "Bea added the timeline"],
    [beaPage, "Ana Shared", "Ana checked the policy"],
  ] as const) {
    await expect(sharedCorrection(page)).toContainText("Ana checked the policy. Bea added the timeline.");
    // The diff view may split a span (a word apart from its full stop); each part carries its author.
    await expect(sharedCorrection(page).getByTitle(`Written by ${other}`).filter({ hasText: words })).toBeVisible();
    await expect(page.getByRole("list", { name: "Who wrote what" }).getByText(other, { exact: true })).toBeVisible();
  }

  // Ana answers and approves; Bea sees the answer and the approval.
  await pickOption(anaPage, "1", "Correct");
  await expect(beaPage.getByRole("radio", { name: "Correct" })).toBeChecked();
  await anaPage.keyboard.press("ControlOrMeta+Enter");
  await expect(anaPage.getByText("You approved this version")).toBeVisible();
  await expect(beaPage.getByText("Ana Shared approved this version")).toBeVisible();

  // Bea changes the answer: Ana's approval was of an earlier version, and both pages say so.
  await pickOption(beaPage, "2", "Wrong");
  await expect(beaPage.getByText("Ana Shared approved an earlier version")).toBeVisible();
  await expect(anaPage.getByText("You approved an earlier version")).toBeVisible();
  await expect(anaPage.getByRole("radio", { name: "Wrong" })).toBeChecked();

  // Both approve the version as it stands: the item is gold, with the shared answer and correction.
  await beaPage.keyboard.press("ControlOrMeta+Enter");
  await expect(beaPage.getByText("Approvals: 1 of 2 on this version")).toBeVisible();
  await anaPage.getByRole("button", { name: /Approve again/ }).click();
  for (const page of [anaPage, beaPage]) await expect(page.getByText("This item is gold")).toBeVisible();

  const gold = await db.selectFrom("gold_labels").select(["values", "correction", "method"]).where("project_id", "=", project.id).where("queue_item_id", "=", item!.id).executeTakeFirstOrThrow();
  expect(gold).toMatchObject({ values: { verdict: "wrong" }, method: "unanimous" });
  expect(gold.correction).toContain("Ana checked the policy. Bea added the timeline.");
  await db.destroy();
});
