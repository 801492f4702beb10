import { seedMembership, seedProject, seedUser } from "../../db/seed/factories";
import { ingestOutputs } from "../../server/ingest/service";
import { ingestSignals } from "../../server/ingest/signals-service";
import { expect, openE2eDatabase, signIn, test } from "../fixtures";

test("a lead tests redaction rules live on pasted text, adds a custom rule, and an admin erases an end user after seeing the counts", async ({ page, browser }) => {
  const db = openE2eDatabase();
  const project = await seedProject(db);
  const admin = await seedUser(db, { name: "Ada Admin" });
  const lead = await seedUser(db, { name: "Lee Lead" });
  await seedMembership(db, { projectId: project.id, userId: admin.id, role: "admin" });
  await seedMembership(db, { projectId: project.id, userId: lead.id, role: "lead" });
  const source = { projectId: project.id, apiKeyId: null };
  await ingestOutputs(db, source, [
    { external_id: "e2e-privacy-1", input: "Where is my refund?", output: "On its way.", end_user_id: "customer-42" },
    { external_id: "e2e-privacy-2", input: "And my invoice?", output: "Sent.", end_user_id: "customer-42" },
    { external_id: "e2e-privacy-3", input: "Hello", output: "Hi.", end_user_id: "customer-7" },
  ]);
  await ingestSignals(db, source, [{ external_id: "e2e-privacy-1", kind: "thumbs_down", end_user_id: "customer-42" }]);

  await signIn(page, lead.email);
  await page.goto(`/p/${project.slug}/privacy`);
  await expect(page.getByRole("heading", { name: "Privacy" })).toBeVisible();
  await expect(page.getByText("Erasing an end user needs the admin role.")).toBeVisible();

  await page.getByLabel("Text to test").fill("Mail jane@example.com about ORD-123456, card 4111 1111 1111 1111 (not 4111 1111 1111 1112).");
  const redacted = page.getByLabel("Redacted text");
  await expect(redacted).toHaveText("Mail [EMAIL] about ORD-123456, card [CARD] (not 4111 1111 1111 1112).");
  await expect(page.getByRole("list", { name: "Redaction counts" })).toContainText("card: 1");

  // Turning a rule off changes the result before anything is saved.
  await page.getByRole("switch", { name: "Redact email addresses" }).uncheck();
  await expect(redacted).toHaveText("Mail jane@example.com about ORD-123456, card [CARD] (not 4111 1111 1111 1112).");
  await page.getByRole("switch", { name: "Redact email addresses" }).check();

  // An unfinished or bad custom rule is left out of the preview and named; the other rules keep redacting.
  await page.getByRole("button", { name: "Add custom rule" }).click();
  const leftOut = page.getByRole("list", { name: "Rules left out of the preview" });
  await expect(leftOut).toHaveText("Rule 1 (rule-1): unfinished: write a pattern");
  await expect(redacted).toHaveText("Mail [EMAIL] about ORD-123456, card [CARD] (not 4111 1111 1111 1112).");
  await page.getByLabel("Rule 1 name").fill("order-id");
  await page.getByLabel("Rule 1 pattern").fill("ORD-(\\d");
  await expect(leftOut).toContainText('Rule 1 (order-id): pattern of "order-id" is not a valid regular expression');
  await expect(page.getByText("Left out of the test below: pattern of \"order-id\" is not a valid regular expression", { exact: false })).toBeVisible();
  await page.getByLabel("Rule 1 pattern").fill("(a+)+$");
  await expect(leftOut).toContainText("could take too long");
  await expect(redacted).toHaveText("Mail [EMAIL] about ORD-123456, card [CARD] (not 4111 1111 1111 1112).");
  await expect(page.getByRole("alert").filter({ hasText: "could take too long" })).toHaveCount(0);
  await page.getByLabel("Rule 1 pattern").fill("ORD-\\d{6}");
  await expect(leftOut).toHaveCount(0);
  await expect(redacted).toHaveText("Mail [EMAIL] about [CUSTOM:order-id], card [CARD] (not 4111 1111 1111 1112).");
  await expect(page.getByRole("list", { name: "Redaction counts" })).toContainText("custom:order-id: 1");
  await page.getByLabel("Rule 1 pattern").press("Enter");
  await expect(page.getByRole("status").filter({ hasText: "Saved. The next ingested batch uses these rules." })).toBeVisible();

  const saved = await db.selectFrom("privacy_settings").select("custom_rules").where("project_id", "=", project.id).executeTakeFirstOrThrow();
  expect(saved.custom_rules).toEqual([{ name: "order-id", pattern: "ORD-\\d{6}", caseInsensitive: false }]);

  const adminPage = await (await browser.newContext()).newPage();
  await signIn(adminPage, admin.email);
  await adminPage.goto(`/p/${project.slug}/privacy`);
  await adminPage.getByLabel("End user id").fill("customer-42");
  await adminPage.getByRole("button", { name: "Review erasure" }).click();
  const dialog = adminPage.getByRole("dialog", { name: 'Erase end user "customer-42"?' });
  await expect(dialog.getByLabel("Will be deleted")).toContainText("2outputs");
  await expect(dialog.getByLabel("Will be deleted")).toContainText("1signals");
  await dialog.getByRole("button", { name: "Erase end user" }).click();
  const erasedMessage = adminPage.getByRole("status").filter({ hasText: 'Erased end user "customer-42"' });
  await expect(erasedMessage).toHaveText('Erased end user "customer-42": 2 outputs, 1 signal deleted.');
  await expect(erasedMessage).toBeInViewport();
  await expect(adminPage.getByLabel("End user id")).toHaveValue("");

  const left = await db.selectFrom("outputs").select("external_id").where("project_id", "=", project.id).orderBy("external_id").execute();
  expect(left.map((row) => row.external_id)).toEqual(["e2e-privacy-3"]);

  // Asking again shows there is nothing left, and the action stays disabled.
  await adminPage.getByLabel("End user id").fill("customer-42");
  await adminPage.getByRole("button", { name: "Review erasure" }).click();
  await expect(dialog.getByText("Nothing of this end user is stored in this project.")).toBeVisible();
  await expect(dialog.getByRole("button", { name: "Erase end user" })).toBeDisabled();
  await db.destroy();
});
