import { seedProjectTeam } from "../../db/seed/factories";
import { seedQueue } from "../../db/seed/loop";
import { expect, openE2eDatabase, signIn, test } from "../fixtures";

test("a queue of one reviewer per item speaks of one person, and one of two speaks of blind reviewers", async ({ page }) => {
  const db = openE2eDatabase();
  const { project, members } = await seedProjectTeam(db);
  const single = await seedQueue(db, { projectId: project.id, name: "Triage", overlap: 1 });
  const double = await seedQueue(db, { projectId: project.id, name: "Answers", overlap: 2 });
  await db.destroy();

  await signIn(page, members.lead.email);
  await page.goto(`/p/${project.slug}/queues/${single.id}`);
  await expect(page.getByText("Each item is reviewed by one person, and their answer becomes the gold label.")).toBeVisible();
  await expect(page.getByText(/each other/)).toHaveCount(0);
  await page.goto(`/p/${project.slug}/queues`);
  await expect(page.getByRole("region", { name: "Triage" }).getByText("1 reviewer per item")).toBeVisible();
  await page.goto(`/p/${project.slug}/queues/${double.id}`);
  await expect(page.getByText("Each item is reviewed by 2 people, who cannot see each other's answers.")).toBeVisible();
});
