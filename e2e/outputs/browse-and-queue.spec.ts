import { seedProjectTeam } from "../../db/seed/factories";
import { seedQueue } from "../../db/seed/loop";
import { createApiKey } from "../../server/api-keys/service";
import { expect, openE2eDatabase, openShortcuts, signIn, test } from "../fixtures";

test("a lead finds ingested outputs, searches them, opens one, and adds two to a queue by hand", async ({ page, request }) => {
  const db = openE2eDatabase();
  const { project, members } = await seedProjectTeam(db);
  const { secret } = await createApiKey(db, { projectId: project.id, userId: members.admin.id }, { name: "app", scopes: ["ingest"] });

  // Hydration mismatches and uncaught errors only show in the console: any of them fails the test.
  const consoleErrors: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error") consoleErrors.push(`${page.url()}: ${message.text()}`);
  });
  page.on("pageerror", (error) => consoleErrors.push(`${page.url()}: ${error.message}`));

  await signIn(page, members.lead.email);
  await page.goto(`/p/${project.slug}`);
  // The shortcut listener exists once the shell has hydrated: keys pressed before that are lost, so press again.
  await expect(async () => {
    await page.keyboard.press("g");
    await page.keyboard.press("u");
    await expect(page.getByRole("heading", { name: "No outputs yet" })).toBeVisible({ timeout: 2_000 });
  }).toPass();
  await expect(page.getByText(/OTEL_EXPORTER_OTLP_HEADERS/)).toBeVisible();

  const sent = [
    { external_id: "chat-1", model: "support-bot", session_id: "conv-7", tags: ["billing"], input: "Where is my refund?", output: "Refunds take five days." },
    { external_id: "chat-2", model: "support-bot", session_id: "conv-7", tags: ["billing"], input: "And the refund for my second order?", output: "That one was sent today.\nIt arrives\tin **five** days." },
    { external_id: "chat-3", model: "support-bot", input: "How do I change my password?", output: "Open Settings, then Security." },
    { external_id: "chat-4", model: "support-bot", input: "Please forget my refund request", output: "Done.", consent: false },
  ].map((output, index) => ({ ...output, produced_at: new Date(Date.now() - 86_400_000 + index * 60_000).toISOString() }));
  const ingest = await request.post("/api/v1/outputs", { headers: { authorization: `Bearer ${secret}` }, data: { outputs: sent } });
  expect(ingest.status()).toBe(200);
  // Created after ingest, so no rule put the outputs in it: only the lead's hand will.
  const queue = await seedQueue(db, { projectId: project.id, name: "Hand-picked answers" });
  await db.destroy();

  await page.reload();
  await expect(page.getByText("4 outputs on this page, newest first")).toBeVisible();
  // `?` lists this page's own shortcuts above the ones that work everywhere.
  const help = await openShortcuts(page);
  await expect(help.getByRole("region", { name: "On this page" })).toContainText("Search outputs");
  await expect(help.getByRole("region", { name: "Everywhere" })).toContainText("Go to Outputs");
  await page.keyboard.press("Escape");
  await expect(help).toBeHidden();
  const rows = page.getByRole("table", { name: "Outputs" }).getByRole("row");
  await expect(rows).toHaveCount(5);
  await page.getByRole("searchbox", { name: "Search input and output" }).fill("refund");
  await page.getByRole("button", { name: "Search", exact: true }).click();
  await expect(page).toHaveURL(/q=refund/);
  await expect(rows).toHaveCount(4);
  await page.getByLabel("Consent").selectOption("true");
  await page.getByRole("button", { name: "Search", exact: true }).click();
  await expect(page).toHaveURL(/consent=true/);
  await expect(rows).toHaveCount(3);

  await page.getByRole("link", { name: "chat-2" }).click();
  await expect(page.getByRole("heading", { name: "chat-2" })).toBeVisible();
  // A full load too, so the detail page hydrates from the server's HTML.
  await page.reload();
  await expect(page.getByRole("heading", { name: "chat-2" })).toBeVisible();
  await expect(page.getByRole("region", { name: "Model output" })).toContainText("That one was sent today.");
  // The answer's line break and tab are shown as the model wrote them, not folded into one line by Markdown.
  expect(await page.getByRole("region", { name: "Model output" }).innerText()).toContain("That one was sent today.\nIt arrives\tin five days.");
  // Raw text shows the answer exactly as stored, Markdown marks and all.
  await page.getByRole("button", { name: "Raw text" }).click();
  await expect(page.getByRole("button", { name: "Raw text" })).toHaveAttribute("aria-pressed", "true");
  await expect(page.getByRole("region", { name: "Model output" })).toContainText("It arrives\tin **five** days.");
  await page.getByRole("button", { name: "Raw text" }).click();
  await expect(page.getByRole("list", { name: "Turns of this thread" }).getByRole("listitem")).toHaveCount(2);
  await expect(page.getByText("In no queue: no rule sampled it and nobody added it by hand.")).toBeVisible();
  await page.goBack();

  await page.getByRole("checkbox", { name: "Select chat-1" }).check();
  await page.getByRole("checkbox", { name: "Select chat-2" }).check();
  await expect(page.getByText("2 outputs selected")).toBeVisible();
  await page.getByLabel("Queue", { exact: true }).selectOption({ label: "Hand-picked answers" });
  await page.getByRole("button", { name: "Add to queue" }).click();
  await expect(page.getByText("Added 2 outputs to Hand-picked answers")).toBeVisible();

  await page.goto(`/p/${project.slug}/queues/${queue.id}`);
  await expect(page.getByRole("img", { name: "2 items: 2 pending" })).toBeVisible();
  await page.goto(`/p/${project.slug}/outputs?q=refund`);
  await page.getByRole("link", { name: "chat-1" }).click();
  await expect(page.getByRole("table", { name: "Queues" })).toContainText("added by hand");

  await page.goto(`/p/${project.slug}/outputs?q=password`);
  await expect(page.getByText("1 output on this page, newest first")).toBeVisible();
  await page.goto(`/p/${project.slug}/outputs?q=refund`);
  await page.getByRole("checkbox", { name: "Select chat-1" }).check();
  await expect(page.getByText("1 output selected")).toBeVisible();
  await page.getByLabel("Queue", { exact: true }).selectOption({ label: "Hand-picked answers" });
  await page.getByRole("button", { name: "Add to queue" }).click();
  await expect(page.getByText("Added 0 outputs to Hand-picked answers")).toBeVisible();
  await expect(page.getByText("1 output was already in the queue.")).toBeVisible();
  expect(consoleErrors).toEqual([]);
});
