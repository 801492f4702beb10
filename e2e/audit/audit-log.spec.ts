import { seedMembership, seedProject, seedUser } from "../../db/seed/factories";
import { buildSamplingRule } from "../../server/queues/schema";
import { createQueue } from "../../server/queues/service";
import { insertAuditEntry } from "../../server/audit/queries";
import { expect, openE2eDatabase, signIn, test } from "../fixtures";

test("the audit log shows nested details as readable lists and pages back to its first entry", async ({ page }) => {
  const db = openE2eDatabase();
  const project = await seedProject(db);
  const admin = await seedUser(db, { name: "Audra Admin" });
  await seedMembership(db, { projectId: project.id, userId: admin.id, role: "admin" });
  // The oldest entry holds a nested sampling rule; 59 newer ones push it onto the second page.
  await createQueue(db, { projectId: project.id, userId: admin.id }, {
    name: "Refund answers",
    instructions: "",
    labelSchema: { fields: [{ type: "categorical", key: "verdict", title: "Verdict", options: [{ value: "ok", title: "OK" }, { value: "bad", title: "Bad" }] }], allowNote: true, allowCorrection: true },
    overlap: 2,
    leaseSeconds: 600,
    mode: "blind",
    samplingRule: buildSamplingRule({ tags: ["refunds", "billing"], metadata: { channel: "web" }, signals: ["thumbs_down"], rate: 0.25 }),
    majorityThreshold: 0.6,
    backfill: false,
  });
  for (let index = 0; index < 59; index += 1) {
    await insertAuditEntry(db, { projectId: project.id, actorUserId: admin.id, action: "member.role_changed", targetType: "user", targetId: admin.id, data: { from: "lead", to: "admin", index } });
  }
  await db.destroy();

  await signIn(page, admin.email);
  await page.goto(`/p/${project.slug}/audit`);
  const log = page.getByRole("table", { name: "Audit log" });
  await expect(log.getByRole("row")).toHaveCount(51);
  await expect(page.getByRole("status").filter({ hasText: "Showing the latest 50 entries" })).toBeVisible();
  await expect(log.getByText("Queue created")).toHaveCount(0);

  await page.getByRole("button", { name: "Load older entries" }).click();
  await expect(log.getByRole("row")).toHaveCount(61);
  await expect(page.getByRole("status").filter({ hasText: "All 60 entries: the log starts here" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Load older entries" })).toHaveCount(0);

  const queueEntry = log.getByRole("row").filter({ hasText: "Queue created" });
  await expect(queueEntry.getByRole("term").filter({ hasText: "Sampling rule" })).toBeVisible();
  await expect(queueEntry.getByRole("definition").filter({ hasText: /^refunds, billing$/ })).toBeVisible();
  await expect(queueEntry.getByRole("definition").filter({ hasText: /^0\.25$/ })).toBeVisible();
  await expect(queueEntry.getByRole("definition").filter({ hasText: /^web$/ })).toBeVisible();
  await expect(page.getByText("[object Object]")).toHaveCount(0);
});
