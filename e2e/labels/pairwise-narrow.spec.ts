import type { Locator, Page } from "@playwright/test";
import { seedProjectTeam } from "../../db/seed/factories";
import { seedQueue } from "../../db/seed/loop";
import { createApiKey } from "../../server/api-keys/service";
import { labelSchemaSchema } from "../../server/queues/schema";
import { expect, openE2eDatabase, signIn, test } from "../fixtures";

/** Every button of a radio group sits in one row, inside the group, its label inside the button. */
async function expectOneCleanRow(group: Locator) {
  const layout = await group.evaluate((element) => {
    const outer = element.getBoundingClientRect();
    const buttons = [...element.querySelectorAll("label")].map((label) => ({ ...label.getBoundingClientRect().toJSON(), isClipped: label.scrollWidth > label.clientWidth }));
    return { right: outer.right, buttons } as { right: number; buttons: { top: number; right: number; isClipped: boolean }[] };
  });
  expect(layout.buttons).toHaveLength(3);
  expect(new Set(layout.buttons.map((button) => button.top)).size, "one row").toBe(1);
  for (const button of layout.buttons) {
    expect(button.right, "inside the group").toBeLessThanOrEqual(layout.right + 0.5);
    expect(button.isClipped, "the label fits its button").toBe(false);
  }
}

async function atWidths(page: Page, widths: number[], check: () => Promise<void>) {
  for (const width of widths) {
    await page.setViewportSize({ width, height: 800 });
    await expect(check).toPass();
  }
}

test("pairwise answers and their strengths lie in one clean row, key hints showing, from a 360 px phone to a laptop", async ({ browser, request }) => {
  const db = openE2eDatabase();
  const { project, members } = await seedProjectTeam(db);
  const labelSchema = labelSchemaSchema.parse({ fields: [{ type: "pairwise", key: "better", title: "Which answer is better?" }] });
  const queue = await seedQueue(db, { projectId: project.id, name: "Refunds A/B", overlap: 1, labelSchema });
  const ingestKey = (await createApiKey(db, { projectId: project.id, userId: members.lead.id }, { name: "prod app", scopes: ["ingest"] })).secret;
  const ingest = await request.post("/api/v1/outputs", {
    headers: { authorization: `Bearer ${ingestKey}` },
    data: { outputs: [{ external_id: "ab-narrow", input: [{ role: "user", content: "How long do refunds take?" }], candidates: [{ output: "A day." }, { output: "Five to seven business days." }] }] },
  });
  expect(ingest.status()).toBe(200);
  // Ingest answers once the item's plan is committed; the item itself is written right after.
  await expect.poll(async () => (await db.selectFrom("queue_items").select("id").where("queue_id", "=", queue.id).execute()).length).toBe(1);
  await db.destroy();

  const context = await browser.newContext({ viewport: { width: 360, height: 800 } });
  const page = await context.newPage();
  await signIn(page, members.annotator.email);
  await page.goto(`/p/${project.slug}/queues/${queue.id}/review`);
  const sides = page.getByRole("radiogroup", { name: "Which answer is better?" });
  // A and B follow the candidates' sides, which alternate between items.
  await expect(sides.locator("kbd")).toHaveText([/^[AB]$/, "T", /^[AB]$/]);
  await atWidths(page, [360, 420, 1024, 1280], () => expectOneCleanRow(sides));

  await sides.locator("label").first().click();
  const strengths = page.getByRole("radiogroup", { name: /^How much better is [AB]\?$/ });
  await expect(strengths.getByRole("radio")).toHaveCount(3);
  await atWidths(page, [1024, 420, 360], () => expectOneCleanRow(strengths));
  await context.close();
});
