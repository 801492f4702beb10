import type { Browser } from "@playwright/test";
import { expect, openAs } from "../fixtures";

/** An ML user defines a dataset over one queue in the UI and publishes its first release, as the specs' step "release" does. */
export async function publishFirstRelease(browser: Browser, options: { email: string; slug: string; datasetName: string; queueName: string }): Promise<void> {
  const page = await openAs(browser, options.email);
  await page.goto(`/p/${options.slug}/datasets/new`);
  await page.getByLabel("Name", { exact: true }).fill(options.datasetName);
  await page.getByRole("checkbox", { name: options.queueName }).check();
  await page.getByRole("button", { name: "Create dataset" }).click();
  await page.getByRole("button", { name: "Publish release 1" }).click();
  await page.getByRole("button", { name: "Freeze and publish" }).click();
  await expect(page.getByRole("status").getByText("Release 1 published")).toBeVisible();
  await page.context().close();
}
