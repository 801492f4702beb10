import { seedProjectTeam, seedReviewers } from "../../db/seed/factories";
import { seedAlert, seedMetricPoints, type MetricPointValues } from "../../db/seed/loop-health";
import { seedQueue, seedQueueItems } from "../../db/seed/loop";
import { expect, openE2eDatabase, signIn, test } from "../fixtures";

const DAY_MS = 86_400_000;
const today = Math.floor(Date.now() / DAY_MS) * DAY_MS;
const daysAgo = (days: number) => new Date(today - days * DAY_MS);
/** Twenty closed days, oldest first; the labels collapse and the annotator starts rubber-stamping four days ago. */
const days = Array.from({ length: 20 }, (_, index) => 20 - index);
const isCollapsed = (ago: number) => ago <= 4;

function loopPoints(queueId: string, annotatorId: string): MetricPointValues[] {
  return days.flatMap((ago): MetricPointValues[] => {
    const helpful = isCollapsed(ago) ? 58 : 30;
    const windowStart = daysAgo(ago);
    return [
      { queueId, metric: "gold.labels", windowStart, sampleSize: 60, value: isCollapsed(ago) ? 0.21 : 1, detail: { field: "verdict", counts: { helpful, unhelpful: 60 - helpful } } },
      { queueId, subject: annotatorId, metric: "annotator.decoy_acceptance", windowStart, sampleSize: 20, value: isCollapsed(ago) ? 0.9 : 0.1, detail: { accepted: isCollapsed(ago) ? 18 : 2 } },
      { queueId, subject: annotatorId, metric: "annotator.time_on_item", windowStart, sampleSize: 40, value: isCollapsed(ago) ? 4 : 40, detail: { bins: [] } },
      { queueId, metric: "latency.pullable", windowStart, sampleSize: 60, value: 6, detail: { p50: 2, p95: 6 } },
    ];
  });
}

test("a lead reads the loop's detectors against their bands, acts on an alert, and adds a threshold rule", async ({ page }) => {
  const db = openE2eDatabase();
  const { project, members } = await seedProjectTeam(db);
  const projectId = project.id;
  const queue = await seedQueue(db, { projectId, name: "Refund answers" });
  const items = await seedQueueItems(db, { projectId, queueId: queue.id, count: 2 });
  const [annotator] = await seedReviewers(db, { projectId, count: 1 });
  await seedMetricPoints(db, projectId, loopPoints(queue.id, annotator!.id));
  const series = days.map((ago) => ({
    window: daysAgo(ago).toISOString(),
    statistic: isCollapsed(ago) ? 0.21 : 1,
    band: { lower: 0.62, upper: null },
    n: 60,
    firing: isCollapsed(ago),
    pValue: isCollapsed(ago) ? 0.0005 : 0.5,
  }));
  const collapse = await seedAlert(db, projectId, {
    detector: "label_collapse",
    scopeKey: `queue:${queue.id}`,
    queueId: queue.id,
    title: "Gold labels collapsing in Refund answers",
    firstWindow: daysAgo(4),
    lastFiringWindow: daysAgo(1),
    evidence: {
      granularity: "day",
      definition: { title: "Label-distribution collapse", summary: "Gold labels narrow to fewer values.", formula: "H(window)", nullModel: "99.9 % of the null distribution at this window's sample size, by permutation.", defaultThreshold: "p < 0.001", minSampleSize: 30 },
      rule: null,
      statisticLabel: "entropy, bits",
      metrics: ["gold.labels"],
      series,
      threshold: null,
      band: { lower: 0.62, upper: null },
      latestFiringWindow: daysAgo(1).toISOString(),
      queue: { id: queue.id, name: "Refund answers" },
      feature: null,
      sampleItems: items.map((item) => ({ queueItemId: item.id, queueId: queue.id, path: `/p/${project.slug}/items/${item.id}` })),
      annotator: null,
    },
  });
  await seedAlert(db, projectId, { detector: "decoy_acceptance", scopeKey: `queue:${queue.id}/annotator:${annotator!.id}`, queueId: queue.id, title: "Decoys accepted in Refund answers", firstWindow: daysAgo(3) });
  await db.destroy();

  await signIn(page, members.lead.email);
  await page.goto(`/p/${project.slug}`);
  await expect(page.getByRole("link", { name: "2 open alerts" })).toBeVisible();
  await expect(page.getByRole("list", { name: "Loop latency per queue, latest window" })).toContainText("p50 2 s · p95 6 s");

  await page.keyboard.press("g");
  await page.keyboard.press("h");
  await expect(page.getByRole("heading", { name: "Loop health", level: 1 })).toBeVisible();
  const chart = page.getByRole("img", { name: /Refund answers: \d+ windows measured/ }).first();
  await expect(chart).toBeVisible();
  // The null band is a shaded area in the chart's SVG; nothing but its drawing shows it, so this one check looks at the SVG.
  await expect(chart.locator("path.recharts-area-area").first()).toBeVisible();
  await expect(page.getByText("Band:").first()).toBeVisible();
  await page.getByText("Show the numbers").first().click();
  const numbers = page.getByRole("table", { name: /per window$/ }).first();
  await expect(numbers.getByRole("columnheader", { name: "Band low" })).toBeVisible();
  await expect(numbers.getByRole("row")).toHaveCount(days.length + 1);
  await expect(page.getByRole("table", { name: "Rubber-stamp signals per annotator" })).toContainText(annotator!.name);

  await page.getByRole("link", { name: "Gold labels collapsing in Refund answers" }).click();
  await expect(page).toHaveURL(new RegExp(`/health/alerts/${collapse.id}$`));
  await expect(page.getByRole("heading", { name: "Gold labels collapsing in Refund answers" })).toBeVisible();
  await expect(page.getByRole("img", { name: /Gold labels collapsing in Refund answers/ })).toBeVisible();
  await expect(page.getByRole("link", { name: `Item ${items[0]!.id}` })).toHaveAttribute("href", `/p/${project.slug}/items/${items[0]!.id}`);
  await page.getByRole("button", { name: "Acknowledge" }).click();
  await expect(page.getByText("acknowledged", { exact: true })).toBeVisible();
  await expect(page.getByRole("button", { name: "Acknowledge" })).toHaveCount(0);
  await page.getByRole("button", { name: "Snooze for 1 day" }).click();
  await expect(page.getByText(/snoozed until/)).toBeVisible();
  await page.getByRole("button", { name: "Unsnooze" }).click();
  await expect(page.getByRole("button", { name: "Snooze for 1 week" })).toBeVisible();
  await expect(page.getByText(/snoozed until/)).toHaveCount(0);

  await page.getByRole("link", { name: "← Loop health" }).click();
  await page.getByRole("link", { name: "Rules and detectors" }).click();
  await page.getByLabel("Name").fill("Thumbs-down spike");
  await page.getByLabel("Threshold").fill("a lot");
  await page.getByRole("button", { name: "Create rule" }).click();
  await expect(page.getByLabel("Threshold")).toHaveAccessibleDescription("threshold must be a number");
  await page.getByLabel("Threshold").fill("0.2");
  await page.getByRole("button", { name: "Create rule" }).click();
  await expect(page.getByText("Rule “Thumbs-down spike” created")).toBeVisible();
  await expect(page.getByRole("table", { name: "Threshold rules" })).toContainText("Thumbs-down rate > 0.2");
});
