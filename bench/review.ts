// Review page benchmark: `npm run bench:review [-- --items 60 --submits 50 --labels-only]` with DATABASE_URL
// naming a Postgres server (a scratch database is created, migrated and dropped). Starts the real server as
// `npm start` does (bench/app-server.ts: it builds Next first when the build is missing or stale, which takes
// a few minutes), seeds a project, an annotator and a queue of `items` items (overlap 1, the seeded verdict
// schema with its note and correction editor unless --labels-only), signs the annotator in through the real
// form in a real Chromium, opens the review page and answers `submits` items by keyboard as an annotator
// does: 1, then Enter. Each answer is timed inside the page, from the Enter key's event time to the first
// animation frame that shows the next item's id (the frame that paints it). Prints p50, p95, max and the
// count against the DESIGN.md target (next item visible ≤ 150 ms after submit, p95), and whether the
// progress panel caught up with every answer; exits 1 only when the run itself fails, never on a time.
import { randomBytes } from "node:crypto";
import { parseArgs } from "node:util";
import { chromium, type Page } from "@playwright/test";
import { sql } from "kysely";
import { createDatabase } from "../db";
import { migrateToLatest } from "../db/migrate";
import { SEED_PASSWORD, seedMembership, seedProject, seedUser } from "../db/seed/factories";
import { seedQueue, seedQueueItems, VERDICT_LABEL_SCHEMA, VERDICT_ONLY_LABEL_SCHEMA } from "../db/seed/loop";
import { dropDatabaseWhenIdle, withAdminClient } from "../db/testing/admin";
import { withDatabaseName } from "../db/testing/names";
import { findChromium } from "../e2e/chromium";
import { startAppServer } from "./app-server";
import { percentile, print } from "./claims-shared";

const TARGET_P95_MS = 150;
/** The flags playwright.config.ts starts Chromium with (STACK-NOTES: Debian Chromium in a closed network, as root). */
const CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"];
/** How long one answer may take before the run counts it as stuck (not a target: a hang). */
const STUCK_MS = 30_000;

const { values: options } = parseArgs({ options: { items: { type: "string", default: "60" }, submits: { type: "string", default: "50" }, "labels-only": { type: "boolean", default: false } } });
const itemCount = Number(options.items);
const submits = Number(options.submits);
// The page prefetches one item ahead, so the last answer needs one more item behind it to time a next item.
if (!(submits > 0 && itemCount > submits)) throw new Error("--items must be more than --submits, and --submits at least 1");

const serverUrl = process.env.DATABASE_URL;
if (!serverUrl) throw new Error("set DATABASE_URL to a Postgres server, e.g. postgres://postgres@127.0.0.1:5432/postgres");
const browserChoice = findChromium({ chromiumPath: process.env.CHROMIUM_PATH, searchPath: process.env.PATH, playwrightBrowser: chromium.executablePath() });
if (!browserChoice.isFound) throw new Error(browserChoice.problem);
const scratchName = `goldloop_bench_review_${randomBytes(4).toString("hex")}`;
const scratchUrl = withDatabaseName(serverUrl, scratchName);

// In-page code is written as text: tsx keeps function names by wrapping functions in a helper (__name)
// that exists only in Node, so a function handed to page.evaluate would fail in the browser.
const READ_ITEM_ID = `[...document.querySelectorAll("dt")].find((term) => term.textContent === "ID")?.nextElementSibling?.textContent ?? null`;

/** The id of the item on screen, as the review page shows it ("ID" in the item's descriptive fields). */
function readShownItemId(page: Page): Promise<string | null> {
  return page.evaluate(READ_ITEM_ID);
}

/**
 * Arms a one-shot timer in the page: from the next Enter keydown's event time to the first animation frame
 * in which the item id on screen differs from `shownId`. Resolves in the page; read it with `readTimer`.
 */
async function armTimer(page: Page, shownId: string): Promise<void> {
  await page.evaluate(`
    window.benchTimer = new Promise((resolve, reject) => {
      window.addEventListener("keydown", (event) => {
        const startedAt = event.timeStamp;
        const watch = () => {
          const id = ${READ_ITEM_ID};
          if (id !== null && id !== ${JSON.stringify(shownId)}) return resolve(performance.now() - startedAt);
          if (performance.now() - startedAt > ${STUCK_MS}) return reject(new Error("item still on screen after ${STUCK_MS} ms"));
          requestAnimationFrame(watch);
        };
        requestAnimationFrame(watch);
      }, { capture: true, once: true });
    });
    // The statement's value would be the promise, which evaluate would wait for; the timer is read later.
    undefined;
  `);
}

const readTimer = (page: Page) => page.evaluate<number>("window.benchTimer");

/**
 * What the progress panel's "Today" figure says once it shows `expected` answers here, or after a few
 * seconds; null on a page without the panel (a build from before it, timed for comparison).
 */
async function readTodayFigure(page: Page, expected: number): Promise<string | null> {
  const figure = page.locator("dt", { hasText: "Today (UTC)" }).locator("xpath=following-sibling::dd[1]");
  if ((await figure.count()) === 0) return null;
  await figure.filter({ hasText: new RegExp(`^${expected} here`) }).waitFor({ timeout: 5_000 }).catch(() => undefined);
  return (await figure.textContent()) ?? "";
}

await withAdminClient(serverUrl, (client) => client.query(`create database ${scratchName}`));
const db = createDatabase(scratchUrl, { maxConnections: 2 });
let stopServer = async () => {};
let closeBrowser = async () => {};
try {
  await migrateToLatest(db);
  // An instance admin exists, so the server prints no first-run setup link.
  await sql`insert into users (email, name, is_instance_admin) values ('admin@bench.test', 'Bench admin', true)`.execute(db);
  const project = await seedProject(db);
  const annotator = await seedUser(db, { name: "Bench Annotator" });
  await seedMembership(db, { projectId: project.id, userId: annotator.id, role: "annotator" });
  const labelSchema = options["labels-only"] ? { ...VERDICT_ONLY_LABEL_SCHEMA, allowNote: false } : VERDICT_LABEL_SCHEMA;
  const queue = await seedQueue(db, { projectId: project.id, overlap: 1, labelSchema });
  await seedQueueItems(db, { projectId: project.id, queueId: queue.id, count: itemCount });

  const serverStart = performance.now();
  const server = await startAppServer({ databaseUrl: scratchUrl, secret: randomBytes(32).toString("base64url"), roles: "web,collab,worker" });
  stopServer = server.stop;
  const startSeconds = (performance.now() - serverStart) / 1000;
  const browser = await chromium.launch({ executablePath: browserChoice.executablePath, args: CHROMIUM_ARGS });
  closeBrowser = () => browser.close();
  const page = await browser.newPage({ baseURL: server.url });

  await page.goto("/signin");
  await page.getByLabel("Email").fill(annotator.email);
  await page.getByLabel("Password").fill(SEED_PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL((url) => !url.pathname.startsWith("/signin"));
  await page.goto(`/p/${project.slug}/queues/${queue.id}/review`);
  await page.getByRole("heading", { name: "Item to review" }).waitFor();

  const timings: number[] = [];
  for (let index = 0; index < submits; index += 1) {
    const shownId = await readShownItemId(page);
    if (shownId === null) throw new Error(`no item on screen before answer ${index + 1}`);
    await page.keyboard.press("1");
    // The annotator sees the label chosen before submitting; the timer starts at Enter.
    await page.getByRole("radio", { name: "Helpful", checked: true }).waitFor();
    await armTimer(page, shownId);
    await page.keyboard.press("Enter");
    timings.push(await readTimer(page));
  }
  const today = await readTodayFigure(page, submits);

  const describe = (ms: number) => `${ms.toFixed(0).padStart(4)} ms`;
  const p95 = percentile(timings, 0.95);
  print(`node ${process.version}; Chromium ${browser.version()}; ${itemCount} items, ${submits} answers by keyboard (1, Enter); ${options["labels-only"] ? "labels only" : "verdict, note and correction editor"}`);
  print(`  app server up in ${startSeconds.toFixed(1)} s (includes a build when the last one was stale)`);
  print(`  submit → next item visible: p50 ${describe(percentile(timings, 0.5))}   p95 ${describe(p95)}   max ${describe(Math.max(...timings))}   n ${timings.length}`);
  print(`  first five: ${timings.slice(0, 5).map((ms) => ms.toFixed(0)).join(", ")} ms`);
  print(`  target (DESIGN.md): next item visible ≤ ${TARGET_P95_MS} ms after submit, p95  ${p95 <= TARGET_P95_MS ? "MET" : "NOT MET"}`);
  print(today === null ? "  no progress panel on the page" : `  progress panel after the run, today: "${today}"  ${today.startsWith(`${submits} here`) ? "caught up" : "NOT caught up"}`);
} finally {
  await closeBrowser();
  await stopServer();
  await db.destroy();
  await dropDatabaseWhenIdle(serverUrl, scratchName);
}
