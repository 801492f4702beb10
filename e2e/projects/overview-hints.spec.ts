import { seedProjectTeam } from "../../db/seed/factories";
import { seedOutputs, seedQueue } from "../../db/seed/loop";
import { expect, openE2eDatabase, signIn, test } from "../fixtures";

test("the overview's next step fits each role: ML users are never told to review", async ({ browser }) => {
  const db = openE2eDatabase();
  const { project, members } = await seedProjectTeam(db);
  await seedQueue(db, { projectId: project.id, name: "Support answers" });
  await seedOutputs(db, { projectId: project.id, count: 3 });
  await db.destroy();

  const expectations = [
    { role: "annotator", title: "1 queue to review", action: "Open queues", says: "Start reviewing" },
    { role: "lead", title: "Settle conflicts, and review", action: "Settle conflicts", says: "compare their answers" },
    { role: "ml", title: "Ship gold as datasets", action: "Open datasets", says: "datasets:read" },
  ] as const;
  for (const expected of expectations) {
    const page = await (await browser.newContext()).newPage();
    await signIn(page, members[expected.role].email);
    await page.goto(`/p/${project.slug}`);
    await expect(page.getByRole("heading", { name: expected.title })).toBeVisible();
    await expect(page.getByText(expected.says)).toBeVisible();
    await expect(page.getByRole("link", { name: expected.action })).toBeVisible();
    if (expected.role === "ml") await expect(page.getByText(/Start reviewing/)).toHaveCount(0);
    await page.context().close();
  }
});
