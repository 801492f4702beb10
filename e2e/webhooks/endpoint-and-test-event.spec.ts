import { seedProjectTeam } from "../../db/seed/factories";
import { startTestReceiver } from "../../server/webhooks/test-receiver";
import { expect, openE2eDatabase, signIn, test } from "../fixtures";

test("an admin adds an endpoint, sees its secret once, sends a test event and finds the verified delivery in the log", async ({ page }) => {
  const db = openE2eDatabase();
  const { project, members } = await seedProjectTeam(db);
  await db.destroy();
  const secrets: string[] = [];
  const receiver = await startTestReceiver({ secrets: () => secrets });
  try {
    await signIn(page, members.admin.email);
    await page.goto(`/p/${project.slug}`);
    await page.getByRole("link", { name: /Webhooks/ }).click();
    await expect(page.getByText("No webhook endpoints yet")).toBeVisible();

    await page.getByRole("button", { name: "Add endpoint" }).first().click();
    await page.getByLabel("Endpoint URL").fill("http://10.0.0.8/hooks");
    await page.getByRole("button", { name: "Add endpoint" }).last().click();
    await expect(page.getByText(/10\.0\.0\.8, a private address/)).toBeVisible();

    await page.getByLabel("Endpoint URL").fill(receiver.url);
    await page.getByLabel("Description").fill("Trainer on loopback");
    await page.getByRole("checkbox", { name: /webhook\.test/ }).check();
    await page.getByRole("button", { name: "Add endpoint" }).last().click();
    const secretBox = page.getByLabel("Signing secret");
    await expect(secretBox).toHaveValue(/^whsec_[A-Za-z0-9+/]{40,}=*$/);
    const secret = await secretBox.inputValue();
    secrets.push(secret);
    await page.getByRole("button", { name: "Done" }).click();
    await expect(page.getByLabel("Signing secret")).toHaveCount(0);

    await page.getByRole("link", { name: receiver.url }).click();
    await expect(page.getByRole("heading", { name: "Trainer on loopback" })).toBeVisible();
    expect(await page.content()).not.toContain(secret.slice("whsec_".length));
    await expect(page.getByText("Nothing sent yet")).toBeVisible();

    await page.keyboard.press("t");
    await expect(page.getByText("Test event queued")).toBeVisible();
    const log = page.getByRole("table", { name: "Deliveries" });
    await expect(log.getByRole("row").nth(1)).toContainText("webhook.test");
    await expect(log.getByRole("row").nth(1)).toContainText("delivered", { timeout: 20_000 });
    expect(receiver.received).toEqual([expect.objectContaining({ payload: expect.objectContaining({ type: "webhook.test" }), verifiedWith: [secret] })]);

    await log.getByRole("link", { name: "webhook.test" }).click();
    const attempts = page.getByRole("table", { name: "Attempts" });
    await expect(attempts.getByRole("row").nth(1)).toContainText("204");
    await expect(page.getByText(`webhook-id: ${receiver.received[0]!.webhookId}`)).toBeVisible();
  } finally {
    await receiver.stop();
  }
});
