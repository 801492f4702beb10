import { expect, openE2eDatabase, test } from "../fixtures";
import { seedMembership, seedProject, seedUser } from "../../db/seed/factories";
import { createInvite } from "../../server/members/invite-service";

test("a person signs in with single sign-on, then joins a project through an invite", async ({ page }) => {
  const db = openE2eDatabase();
  const project = await seedProject(db, { name: "SSO team" });
  const admin = await seedUser(db);
  await seedMembership(db, { projectId: project.id, userId: admin.id, role: "admin" });
  const invite = await createInvite(db, { projectId: project.id, userId: admin.id }, { role: "ml", expiresInDays: 1 }, { publicUrl: "", mailer: null });
  await db.destroy();

  await test.step("sign in at the identity provider", async () => {
    await page.goto("/signin");
    await page.getByRole("button", { name: "Continue with Test IdP" }).click();
    await page.locator("input[name=login]").fill("casey");
    await page.locator("input[name=password]").fill("anything");
    await page.getByRole("button", { name: "Sign-in" }).click();
    await page.getByRole("button", { name: "Continue" }).click();
    await expect(page.getByRole("heading", { name: "Welcome, casey from the IdP" })).toBeVisible();
    await expect(page.getByText("You are not a member of any project yet.")).toBeVisible();
  });

  await test.step("accept the invite as the signed-in SSO user", async () => {
    await page.goto(invite.url);
    await expect(page.getByText("casey@idp.example.test")).toBeVisible();
    await page.getByRole("button", { name: "Join SSO team" }).click();
    await expect(page).toHaveURL(new RegExp(`/p/${project.slug}$`));
    await expect(page.getByText("Your role in this project: ml.")).toBeVisible();
  });
});
