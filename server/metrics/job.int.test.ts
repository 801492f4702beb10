import { describe, expect, it } from "vitest";
import { seedProjectTeam } from "@/db/seed/factories";
import { seedOutputs } from "@/db/seed/loop";
import { setUpTestDatabase } from "@/db/testing/test-database";
import { ALERTS_EVALUATE_JOB, type AlertsEvaluatePayload } from "@/server/alerts/jobs";
import { startTestRunner } from "@/server/webhooks/test-support";
import { METRICS_REFRESH_JOB } from "./job";
import { readMetricPoints } from "./queries";

const testDb = setUpTestDatabase();

describe("metrics refresh job", () => {
  it("runs every minute, refreshes the projects with new rows and hands each to alert evaluation", async () => {
    const [busy, idle] = [await seedProjectTeam(testDb.db), await seedProjectTeam(testDb.db)];
    await seedOutputs(testDb.db, { projectId: busy.project.id, count: 3 });
    const runner = await startTestRunner(testDb.db, testDb.url);
    try {
      await expect(runner.boss.getSchedules(METRICS_REFRESH_JOB)).resolves.toEqual([expect.objectContaining({ name: METRICS_REFRESH_JOB, cron: "* * * * *" })]);
      // The schedule may fire during the test too: with the stately policy either run does the work.
      await runner.boss.send(METRICS_REFRESH_JOB);
      await expect
        .poll(async () => (await readMetricPoints(testDb.db, busy.project.id, { granularity: "hour", metrics: ["signals.thumbs_down"] })).map((point) => [point.sampleSize, point.value]), { timeout: 15_000 })
        .toEqual([[3, 0]]);
      await expect.poll(async () => (await runner.boss.findJobs(METRICS_REFRESH_JOB)).some((job) => job.state === "completed"), { timeout: 15_000 }).toBe(true);
      const evaluations = await runner.boss.findJobs<AlertsEvaluatePayload>(ALERTS_EVALUATE_JOB);
      expect(evaluations.map((evaluation) => evaluation.data)).toEqual([{ projectId: busy.project.id }]);
      expect(evaluations.map((evaluation) => evaluation.data.projectId)).not.toContain(idle.project.id);
    } finally {
      await runner.stop();
    }
  });
});
