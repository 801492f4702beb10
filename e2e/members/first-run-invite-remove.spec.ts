import { expect, readSetupLink, test } from "../fixtures";

const admin = { name: "Olivia Admin", email: "olivia@example.test", password: "olivia-password-1" };
const annotator = { name: "Ana Annotator", email: "ana@example.test", password: "ana-password-12" };

test("first-run setup, a project, an invited annotator who is limited and then removed", async ({ page, browser }) => {
  await test.step("the admin completes first-run setup from the printed link", async () => {
    await page.goto(await readSetupLink());
    await expect(page.getByRole("heading", { name: "Welcome to Goldloop" })).toBeVisible();
    await page.getByLabel("Your name").fill(admin.name);
    await page.getByLabel("Email").fill(admin.email);
    await page.getByLabel("Password").fill(admin.password);
    await page.getByRole("button", { name: "Create admin account" }).click();
    await expect(page.getByRole("heading", { name: "Create your first project" })).toBeVisible();
  });

  await test.step("the setup link cannot be used twice", async () => {
    const reuse = await page.context().browser()!.newPage();
    await reuse.goto(await readSetupLink());
    await expect(reuse.getByRole("heading", { name: "Goldloop is set up" })).toBeVisible();
    await reuse.close();
  });

  await test.step("the admin creates a project", async () => {
    await page.getByLabel("Project name").fill("Support Bot");
    await page.getByRole("button", { name: "Create project" }).click();
    await expect(page).toHaveURL(/\/p\/support-bot$/);
    await expect(page.getByRole("heading", { name: "Support Bot" })).toBeVisible();
    await expect(page.getByText("Invite your team")).toBeVisible();
  });

  let inviteLink = "";
  await test.step("the admin invites an annotator", async () => {
    await page.getByRole("navigation", { name: "Project" }).getByRole("link", { name: "Members" }).click();
    await expect(page.getByRole("heading", { name: "Members", level: 1 })).toBeVisible();
    await page.getByRole("button", { name: "Invite people" }).click();
    const dialog = page.getByRole("dialog", { name: "Invite someone" });
    await dialog.getByLabel("Role").selectOption("annotator");
    await dialog.getByLabel("Note (optional)").fill("For Ana");
    await dialog.getByRole("button", { name: "Create invite link" }).click();
    inviteLink = await dialog.getByRole("textbox", { name: "Invite link" }).inputValue();
    expect(inviteLink).toMatch(/^http:\/\/localhost:\d+\/invite\/inv_/);
    await dialog.getByRole("button", { name: "Done" }).click();
    await expect(page.getByRole("cell", { name: "For Ana" })).toBeVisible();
  });

  const annotatorContext = await browser.newContext();
  const annotatorPage = await annotatorContext.newPage();
  await test.step("the annotator accepts the invite and is signed in", async () => {
    await annotatorPage.goto(inviteLink);
    await expect(annotatorPage.getByRole("heading", { name: "Join Support Bot" })).toBeVisible();
    await annotatorPage.getByLabel("Your name").fill(annotator.name);
    await annotatorPage.getByLabel("Email").fill(annotator.email);
    await annotatorPage.getByLabel("Password").fill(annotator.password);
    await annotatorPage.getByRole("button", { name: "Create account and join" }).click();
    await expect(annotatorPage).toHaveURL(/\/p\/support-bot$/);
    await expect(annotatorPage.getByRole("heading", { name: "Nothing to review yet" })).toBeVisible();
    await expect(annotatorPage.getByRole("navigation", { name: "Project" }).getByRole("link", { name: "Members" })).toHaveCount(0);
  });

  await test.step("the annotator is denied the members page", async () => {
    const response = await annotatorPage.goto("/p/support-bot/members");
    expect(response?.status()).toBe(403);
    await expect(annotatorPage.getByRole("heading", { name: "You do not have access to this page" })).toBeVisible();
  });

  await test.step("the admin removes the annotator", async () => {
    await page.reload();
    await expect(page.getByRole("cell", { name: annotator.email })).toBeVisible();
    await page.getByRole("button", { name: `Remove ${annotator.name}` }).click();
    await page.getByRole("dialog").getByRole("button", { name: "Remove member" }).click();
    await expect(page.getByRole("cell", { name: annotator.email })).toHaveCount(0);
  });

  await test.step("the annotator's next request is refused", async () => {
    const response = await annotatorPage.goto("/p/support-bot");
    expect(response?.status()).toBe(403);
    await expect(annotatorPage.getByRole("heading", { name: "You do not have access to this page" })).toBeVisible();
    const projectId = await page.evaluate(async () => {
      const result = await fetch("/api/trpc/projects.list").then((r) => r.json());
      return result.result.data.json[0].id as string;
    });
    const apiCall = await annotatorPage.request.get(`/api/trpc/projects.get?input=${encodeURIComponent(JSON.stringify({ json: { projectId } }))}`);
    expect(apiCall.status()).toBe(403);
  });

  await annotatorContext.close();
});
