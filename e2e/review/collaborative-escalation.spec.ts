import { expectAxeClean } from "../axe";
import { expect, openAs, test } from "../fixtures";
import { pickOption, seedCollaborativeItem } from "./collaborative-setup";

test("annotators who cannot agree ask a lead, who sees why and decides the gold from the shared answer", async ({ browser }) => {
  test.setTimeout(120_000);
  const { db, project, ana, bea, lead, item, reviewUrl } = await seedCollaborativeItem({ project: "Collaborative escalation", annotators: ["Ana Stuck", "Bea Stuck"], lead: "Lee Decides" });
  const anaPage = await openAs(browser, ana.email);
  const beaPage = await openAs(browser, bea.email);
  await anaPage.goto(reviewUrl);
  await beaPage.goto(reviewUrl);
  await expect(beaPage.getByRole("list", { name: "Also in this document" }).getByText("Ana Stuck")).toBeVisible();

  // Ana says correct and approves; Bea disagrees and will not approve it.
  await pickOption(anaPage, "1", "Correct");
  await anaPage.keyboard.press("ControlOrMeta+Enter");
  await expect(beaPage.getByText("Ana Stuck approved this version")).toBeVisible();
  await pickOption(beaPage, "2", "Wrong");
  await expect(anaPage.getByRole("radio", { name: "Wrong" })).toBeChecked();

  await beaPage.getByRole("button", { name: "Ask a lead" }).click();
  const dialog = beaPage.getByRole("dialog", { name: "Ask a lead to decide" });
  await dialog.getByRole("button", { name: "Send to a lead" }).click();
  await expect(dialog.getByText("say why a lead should decide")).toBeVisible();
  await expectAxeClean(beaPage, "ask-a-lead dialog");
  await dialog.getByLabel("What do you disagree on?").fill("We disagree on whether the refund window is 14 or 30 days");
  await dialog.getByRole("button", { name: "Send to a lead" }).click();
  await expect(dialog).toBeHidden();

  // Both annotators see that a lead decides it, and why; neither can approve any more.
  const reason = "Bea Stuck asked a lead: We disagree on whether the refund window is 14 or 30 days";
  for (const page of [anaPage, beaPage]) {
    await expect(page.getByText("A lead decides this item")).toBeVisible();
    await expect(page.getByText(reason)).toBeVisible();
    await expect(page.getByRole("button", { name: /^Approve/ })).toBeHidden();
    await expect(page.getByRole("button", { name: "Next item" })).toBeVisible();
  }

  // The lead finds it among the conflicts with its reasons, and starts from the shared answer.
  const leadPage = await openAs(browser, lead.email);
  await leadPage.goto(`/p/${project.slug}/conflicts`);
  await leadPage.getByRole("link", { name: `Adjudicate ${item!.externalId}` }).click();
  await expect(leadPage.getByText(reason)).toBeVisible();
  await expect(leadPage.getByText("1 of 2 approved, one version")).toBeVisible();
  const shared = leadPage.getByRole("group", { name: "Shared answer as it stands" });
  await expect(shared.getByText("Wrong", { exact: true })).toBeVisible();
  await expect(leadPage.getByRole("group", { name: "Ana Stuck's answer" }).getByText("Correct", { exact: true })).toBeVisible();
  await expectAxeClean(leadPage, "adjudication of an escalated collaborative item");
  // The decision starts from the shared answer.
  await expect(leadPage.getByRole("radio", { name: "Wrong" })).toBeChecked();
  await leadPage.getByRole("button", { name: "Finalize gold" }).click();
  await expect(leadPage.getByText("Gold saved")).toBeVisible();

  const gold = await db.selectFrom("gold_labels").select(["values", "method"]).where("project_id", "=", project.id).where("queue_item_id", "=", item!.id).executeTakeFirstOrThrow();
  expect(gold.values).toEqual({ verdict: "wrong" });
  await expect(anaPage.getByText("This item is gold")).toBeVisible();
  await db.destroy();
});
