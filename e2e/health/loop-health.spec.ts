import { seedProjectTeam, seedReviewers } from "../../db/seed/factories";
import { seedMetricPoints, type MetricPointValues } from "../../db/seed/loop-health";
import { seedGold, seedQueue } from "../../db/seed/loop";
import { listProjectAlerts } from "../../server/alerts/alert-service";
import { evaluateAlerts } from "../../server/alerts/evaluate-service";
import { refreshMetrics } from "../../server/metrics/service";
import { expect, openE2eDatabase, signIn, test } from "../fixtures";

// Each test walks three pages and several actions (the first after a metrics pass and an alert evaluation):
// on a loaded two-core machine that takes more than the default minute.
test.describe.configure({ timeout: 120_000 });

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

test("a lead reads the loop's detectors against their bands and acknowledges, snoozes and unsnoozes an alert", async ({ page }) => {
  const db = openE2eDatabase();
  const { project, members } = await seedProjectTeam(db);
  const projectId = project.id;
  const queue = await seedQueue(db, { projectId, name: "Refund answers" });
  const [annotator] = await seedReviewers(db, { projectId, count: 1 });
  // One real gold label in yesterday's window, for the alert's sample items.
  const gold = await seedGold(db, { projectId, queueId: queue.id, label: "helpful" });
  await db.updateTable("gold_labels").set({ created_at: new Date(daysAgo(1).getTime() + DAY_MS / 2) }).where("id", "=", gold.goldLabelId).execute();
  // Fold the seeded rows into the metrics watermarks, so the minute job leaves alone the month of points written next.
  await refreshMetrics(db, projectId);
  await db.deleteFrom("metric_points").where("project_id", "=", projectId).execute();
  await seedMetricPoints(db, projectId, loopPoints(queue.id, annotator!.id));
  await evaluateAlerts(db, projectId, { granularity: "day" });
  const alerts = await listProjectAlerts(db, projectId, { limit: 100 });
  await db.destroy();
  const collapse = alerts.find((alert) => alert.detector === "label_collapse");
  expect(collapse, "the label-collapse detector raises an alert on a month that collapsed four days ago").toBeDefined();
  expect(alerts.some((alert) => alert.detector === "decoy_acceptance")).toBe(true);

  await signIn(page, members.lead.email);
  await page.goto(`/p/${project.slug}`);
  await expect(page.getByRole("link", { name: `${alerts.length} open alerts` })).toBeVisible();
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

  await page.getByRole("table", { name: "Open alerts" }).getByRole("link", { name: collapse!.title, exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`/health/alerts/${collapse!.id}$`));
  await expect(page.getByRole("heading", { name: collapse!.title, level: 1 })).toBeVisible();
  await expect(page.getByRole("img", { name: /windows measured/ })).toBeVisible();
  await expect(page.getByRole("link", { name: `Item ${gold.queueItemId}` })).toHaveAttribute("href", `/p/${project.slug}/items/${gold.queueItemId}`);
  await page.getByRole("button", { name: "Acknowledge" }).click();
  await expect(page.getByText("acknowledged", { exact: true })).toBeVisible();
  await expect(page.getByRole("button", { name: "Acknowledge" })).toHaveCount(0);
  await page.getByRole("button", { name: "Snooze for 1 day" }).click();
  await expect(page.getByText(/snoozed until/)).toBeVisible();
  await page.getByRole("button", { name: "Unsnooze" }).click();
  await expect(page.getByRole("button", { name: "Snooze for 1 week" })).toBeVisible();
  await expect(page.getByText(/snoozed until/)).toHaveCount(0);
});

test("a lead adds a threshold rule (a threshold that is not a number is refused at its field), turns a detector off, raises another's severity and deletes the rule", async ({ page }) => {
  const db = openE2eDatabase();
  const { project, members } = await seedProjectTeam(db);
  await seedQueue(db, { projectId: project.id, name: "Refund answers" });
  await db.destroy();

  await signIn(page, members.lead.email);
  await page.goto(`/p/${project.slug}/health`);
  await expect(page.getByText("No daily metric points yet")).toBeVisible();
  await expect(page.getByText("npx goldloop simulate --scenario rubber-stamp")).toBeVisible();
  await expect(page.getByText("Loop healthy")).toBeVisible();
  await page.getByRole("button", { name: "Hourly" }).click();
  await expect(page.getByText("No hourly metric points yet")).toBeVisible();
  await page.getByRole("link", { name: "Rules and detectors" }).click();
  await page.getByLabel("Name", { exact: true }).fill("Thumbs-down spike");
  await page.getByLabel("Threshold", { exact: true }).fill("a lot");
  await page.getByRole("button", { name: "Create rule" }).click();
  await expect(page.getByLabel("Threshold", { exact: true })).toHaveAccessibleDescription("threshold must be a finite number");
  await page.getByLabel("Threshold", { exact: true }).fill("0.2");
  await page.getByRole("button", { name: "Create rule" }).click();
  await expect(page.getByText("Rule “Thumbs-down spike” created")).toBeVisible();
  await expect(page.getByRole("table", { name: "Threshold rules" })).toContainText("Thumbs-down rate > 0.2");

  const detectorSwitch = page.getByRole("switch", { name: "Label-distribution collapse detector" });
  await detectorSwitch.click();
  await expect(detectorSwitch).not.toBeChecked();
  await page.getByLabel("Severity of Decoy acceptance alerts").selectOption("critical");
  await expect(page.getByLabel("Severity of Decoy acceptance alerts")).toHaveValue("critical");
  await page.reload();
  await expect(page.getByRole("switch", { name: "Label-distribution collapse detector" })).not.toBeChecked();
  await expect(page.getByLabel("Severity of Decoy acceptance alerts")).toHaveValue("critical");

  await page.getByRole("button", { name: "Delete rule Thumbs-down spike" }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Delete rule" }).click();
  await expect(page.getByText("No rules yet.")).toBeVisible();
});

test("a lead watches a metadata key (a settings change without windows is refused at its field) and recomputes the metrics; an ML engineer only reads the settings", async ({ page }) => {
  const db = openE2eDatabase();
  const { project, members } = await seedProjectTeam(db);
  const queue = await seedQueue(db, { projectId: project.id, name: "Refund answers" });
  // One gold label, so the recompute has windows to rewrite.
  await seedGold(db, { projectId: project.id, queueId: queue.id, label: "helpful" });
  await db.destroy();

  await signIn(page, members.lead.email);
  await page.goto(`/p/${project.slug}/health/rules`);
  await expect(page.getByRole("definition").filter({ hasText: /^none$/ })).toBeVisible();
  await page.getByRole("button", { name: "Edit" }).click();
  const dialog = page.getByRole("dialog");
  await dialog.getByLabel("Drift metadata keys").fill("customer_tier");
  await dialog.getByLabel("Drift metadata keys").press("Enter");
  await expect(dialog.getByRole("list", { name: "Watched metadata keys" })).toContainText("customer_tier");
  await dialog.getByRole("button", { name: "Save" }).click();
  await expect(dialog).toHaveCount(0);
  await page.reload();
  await expect(page.getByRole("definition").filter({ hasText: "customer_tier" })).toBeVisible();

  await page.getByRole("button", { name: "Edit" }).click();
  await dialog.getByRole("checkbox", { name: "Hourly" }).uncheck();
  await dialog.getByRole("checkbox", { name: "Daily" }).uncheck();
  await dialog.getByRole("button", { name: "Save" }).click();
  await expect(dialog.getByRole("checkbox", { name: "Daily" })).toHaveAccessibleDescription("granularities: keep at least one of hour, day");
  await dialog.getByRole("button", { name: "Cancel" }).click();
  await expect(page.getByRole("definition").filter({ hasText: "Hourly, Daily" })).toBeVisible();

  await page.getByRole("button", { name: "Recompute metrics" }).click();
  await expect(page.getByRole("status").filter({ hasText: /^Recomputed [1-9][\d,]* windows?\.$/ })).toBeVisible();

  await page.context().clearCookies();
  await signIn(page, members.ml.email);
  await page.goto(`/p/${project.slug}/health/rules`);
  await expect(page.getByText("Only leads and admins can change these settings or recompute metrics.")).toBeVisible();
  await expect(page.getByRole("definition").filter({ hasText: "customer_tier" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Edit" })).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Recompute metrics" })).toHaveCount(0);
});
