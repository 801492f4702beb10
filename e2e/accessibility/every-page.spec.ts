import type { Browser, BrowserContext, Page } from "@playwright/test";
import { expectAxeClean } from "../axe";
import { expect, openE2eDatabase, openShortcuts, readSetupLink, signIn, test } from "../fixtures";
import { seedUser } from "../../db/seed/factories";
import { seedRealisticProject } from "./seed-realistic-project";

// The tests run in file order (one worker): the setup page is seen before any instance admin exists.
// Seeding the demo takes more than the default minute on a loaded two-core machine.
test.describe.configure({ timeout: 120_000 });

type Role = "admin" | "lead" | "ml" | "annotator";
type Project = Awaited<ReturnType<typeof seedRealisticProject>>;

let project: Project;
/** Each role's signed-in cookies, so a test opens its own context (watched for CSP violations) without signing in again. */
const sessions = new Map<Role, Awaited<ReturnType<BrowserContext["storageState"]>>>();

async function pageAs(browser: Browser, role: Role): Promise<Page> {
  return (await browser.newContext({ storageState: sessions.get(role) })).newPage();
}

/** Opens a page and waits for its main heading and, when given, for the content that loads after it. */
async function visit(page: Page, path: string, content?: (page: Page) => ReturnType<Page["getByRole"]>) {
  await page.goto(path);
  await expect(page.getByRole("main").getByRole("heading", { level: 1 })).toBeVisible();
  if (content) await expect(content(page).first()).toBeVisible();
}

test("the first-run setup form", async ({ page }) => {
  await page.goto(await readSetupLink());
  await expect(page.getByRole("heading", { name: "Welcome to Goldloop" })).toBeVisible();
  await expectAxeClean(page, "setup");
});

test("sign-in, before and after a failed attempt", async ({ page }) => {
  await page.goto("/signin");
  await expect(page.getByRole("button", { name: "Sign in" })).toBeVisible();
  await expectAxeClean(page, "sign-in");
  await page.getByLabel("Email").fill("nobody@example.test");
  await page.getByLabel("Password").fill("not-the-password");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("alert")).toBeVisible();
  await expectAxeClean(page, "sign-in after a failed attempt");
});

test("the not-found page", async ({ page }) => {
  const response = await page.goto("/no-such-page");
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
  await expectAxeClean(page, "not found");
});

test.describe("in a realistic project", () => {
  test.beforeAll(async ({ browser }) => {
    const db = openE2eDatabase();
    try {
      project = await seedRealisticProject(db);
    } finally {
      await db.destroy();
    }
    for (const role of ["admin", "lead", "ml", "annotator"] as const) {
      const context = await browser.newContext();
      await signIn(await context.newPage(), project.people[role].email, project.people[role].password);
      sessions.set(role, await context.storageState());
      await context.close();
    }
  });

  test("an invite link, opened by someone without an account", async ({ page }) => {
    await page.goto(project.inviteUrl);
    await expect(page.getByRole("heading", { name: /^Join / })).toBeVisible();
    await expectAxeClean(page, "invite");
  });

  test("home of a signed-in person in no project", async ({ page }) => {
    const db = openE2eDatabase();
    const loner = await seedUser(db, { name: "Lone Person" }).finally(() => db.destroy());
    await signIn(page, loner.email);
    await expect(page.getByRole("heading", { name: "Welcome, Lone Person" })).toBeVisible();
    await expectAxeClean(page, "home without a project");
  });

  const pages: { name: string; role: Role; path: (project: Project) => string; content?: (page: Page) => ReturnType<Page["getByRole"]> }[] = [
    { name: "project overview", role: "lead", path: (p) => `/p/${p.slug}` },
    { name: "project overview", role: "annotator", path: (p) => `/p/${p.slug}` },
    { name: "queues", role: "lead", path: (p) => `/p/${p.slug}/queues` },
    { name: "queue", role: "lead", path: (p) => `/p/${p.slug}/queues/${p.ids.queue}` },
    { name: "queue items", role: "lead", path: (p) => `/p/${p.slug}/queues/${p.ids.queue}/items`, content: (page) => page.getByRole("row") },
    { name: "queue edit", role: "lead", path: (p) => `/p/${p.slug}/queues/${p.ids.queue}/edit` },
    { name: "queue agreement", role: "lead", path: (p) => `/p/${p.slug}/queues/${p.ids.queue}/agreement` },
    { name: "queue estimates", role: "lead", path: (p) => `/p/${p.slug}/queues/${p.ids.queue}/estimates` },
    { name: "queue gold checks", role: "lead", path: (p) => `/p/${p.slug}/queues/${p.ids.queue}/gold-checks` },
    { name: "queue inference", role: "ml", path: (p) => `/p/${p.slug}/queues/${p.ids.queue}/inference` },
    { name: "review with an item", role: "annotator", path: (p) => `/p/${p.slug}/queues/${p.ids.queue}/review`, content: (page) => page.getByRole("button", { name: /^Submit/ }) },
    {
      name: "collaborative review",
      role: "annotator",
      path: (p) => `/p/${p.slug}/queues/${p.ids.sharedQueue}/review`,
      content: (page) => page.getByRole("textbox", { name: "Corrected output (shared)" }),
    },
    {
      name: "pairwise review",
      role: "annotator",
      path: (p) => `/p/${p.slug}/queues/${p.ids.pairwiseQueue}/review`,
      content: (page) => page.getByRole("region", { name: "Candidate B" }),
    },
    { name: "your answer", role: "annotator", path: (p) => `/p/${p.slug}/queues/${p.ids.answer.queueId}/review/answers/${p.ids.answer.id}`, content: (page) => page.getByRole("heading", { name: "Item to review" }) },
    { name: "conflicts", role: "lead", path: (p) => `/p/${p.slug}/conflicts`, content: (page) => page.getByRole("link", { name: /^Adjudicate / }) },
    { name: "adjudication of a conflict", role: "lead", path: (p) => `/p/${p.slug}/conflicts/${p.ids.conflictItem}`, content: (page) => page.getByRole("button", { name: "Finalize gold" }) },
    { name: "shared item", role: "annotator", path: (p) => `/p/${p.slug}/items/${p.ids.goldItem}` },
    { name: "outputs", role: "ml", path: (p) => `/p/${p.slug}/outputs`, content: (page) => page.getByRole("row") },
    { name: "output", role: "ml", path: (p) => `/p/${p.slug}/outputs/${p.ids.output}` },
    { name: "datasets", role: "ml", path: (p) => `/p/${p.slug}/datasets` },
    { name: "new dataset", role: "ml", path: (p) => `/p/${p.slug}/datasets/new` },
    { name: "dataset with a release", role: "ml", path: (p) => `/p/${p.slug}/datasets/${p.ids.dataset}` },
    { name: "loop health", role: "lead", path: (p) => `/p/${p.slug}/health` },
    { name: "health rules", role: "lead", path: (p) => `/p/${p.slug}/health/rules` },
    { name: "alert", role: "lead", path: (p) => `/p/${p.slug}/health/alerts/${p.ids.alert}` },
    { name: "annotators", role: "lead", path: (p) => `/p/${p.slug}/annotators` },
    { name: "annotator", role: "lead", path: (p) => `/p/${p.slug}/annotators/${p.ids.annotator}` },
    { name: "members", role: "admin", path: (p) => `/p/${p.slug}/members`, content: (page) => page.getByRole("row") },
    { name: "API keys", role: "admin", path: (p) => `/p/${p.slug}/api-keys` },
    { name: "audit log", role: "admin", path: (p) => `/p/${p.slug}/audit`, content: (page) => page.getByRole("row") },
    { name: "privacy", role: "admin", path: (p) => `/p/${p.slug}/privacy` },
    { name: "webhooks", role: "admin", path: (p) => `/p/${p.slug}/webhooks` },
    { name: "webhook endpoint", role: "admin", path: (p) => `/p/${p.slug}/webhooks/${p.ids.endpoint}` },
    { name: "webhook delivery", role: "admin", path: (p) => `/p/${p.slug}/webhooks/${p.ids.endpoint}/deliveries/${p.ids.delivery}` },
    { name: "new queue", role: "lead", path: (p) => `/p/${p.slug}/queues/new` },
  ];

  for (const entry of pages) {
    test(`${entry.name}, as ${entry.role}`, async ({ browser }) => {
      const page = await pageAs(browser, entry.role);
      await visit(page, entry.path(project), entry.content);
      await expectAxeClean(page, entry.name);
      await page.context().close();
    });
  }

  test("the keyboard-shortcuts dialog, open over a page", async ({ browser }) => {
    const page = await pageAs(browser, "lead");
    await visit(page, `/p/${project.slug}/queues`);
    await openShortcuts(page);
    await expectAxeClean(page, "shortcuts dialog");
    await page.context().close();
  });

  test("the new-queue form after a failed submit", async ({ browser }) => {
    const page = await pageAs(browser, "lead");
    await visit(page, `/p/${project.slug}/queues/new`);
    await page.getByRole("button", { name: /^Create queue/ }).click();
    await expect(page.getByLabel("Name")).toHaveAttribute("aria-invalid", "true");
    await expectAxeClean(page, "new queue with errors");
    await page.context().close();
  });

  test("the pages only an instance admin sees", async ({ page }) => {
    const db = openE2eDatabase();
    const instanceAdmin = await seedUser(db, { name: "Instance Admin", isInstanceAdmin: true });
    try {
      await signIn(page, instanceAdmin.email);
      await page.goto("/");
      await expect(page.getByRole("heading", { name: "Create your first project" })).toBeVisible();
      await expectAxeClean(page, "home of an instance admin without projects");
      await page.goto("/projects/new");
      await expect(page.getByRole("heading", { name: "New project" })).toBeVisible();
      await expectAxeClean(page, "new project");
    } finally {
      // Later specs (first-run setup) need an instance with no admin yet.
      await db.updateTable("users").set({ is_instance_admin: false }).where("id", "=", instanceAdmin.id).execute();
      await db.destroy();
    }
  });
});
