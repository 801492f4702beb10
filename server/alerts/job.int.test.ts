import { afterEach, describe, expect, it } from "vitest";
import { seedProjectTeam } from "@/db/seed/factories";
import { seedQueue } from "@/db/seed/loop";
import { setUpTestDatabase } from "@/db/testing/test-database";
import { createCaller } from "@/server/api/root";
import { createInnerContext } from "@/server/api/trpc";
import type { JobRunner } from "@/server/jobs/runner";
import { startTestRunner } from "@/server/webhooks/test-support";
import { ALERTS_EVALUATE_JOB } from "./jobs";
import { disableBuiltInDetectors, insertMetricPoints } from "./testing";
import { latestClosedWindowStart, WINDOW_MS } from "./windows";

const testDb = setUpTestDatabase();
let runner: JobRunner | null = null;

afterEach(async () => {
  await runner?.stop();
  runner = null;
});

describe(ALERTS_EVALUATE_JOB, () => {
  it("evaluates the project it is sent in each granularity the project computes", async () => {
    const team = await seedProjectTeam(testDb.db);
    const projectId = team.project.id;
    await disableBuiltInDetectors(testDb.db, { projectId, userId: team.members.admin.id });
    const queue = await seedQueue(testDb.db, { projectId });
    const lead = createCaller(createInnerContext({ db: testDb.db, user: team.members.lead }));
    for (const granularity of ["hour", "day"] as const) {
      await lead.alerts.rules.create({ projectId, name: `Low agreement (${granularity})`, metric: "agreement.alpha", comparator: "<", threshold: 0.4, queueId: queue.id, granularity });
      // The window still open has a point too, so the latest closed window fires even if the clock crosses into the next one meanwhile.
      const openWindow = new Date(latestClosedWindowStart(new Date(), granularity).getTime() + WINDOW_MS[granularity]);
      await insertMetricPoints(testDb.db, { projectId, queueId: queue.id, metric: "agreement.alpha", granularity, lastWindow: openWindow, values: [0.8, 0.2, 0.2] });
    }
    runner = await startTestRunner(testDb.db, testDb.url);
    await runner.boss.send(ALERTS_EVALUATE_JOB, { projectId });

    const alerts = () => testDb.db.selectFrom("alerts").select(["granularity", "state"]).where("project_id", "=", projectId).orderBy("granularity").execute();
    await expect.poll(alerts, { timeout: 20_000 }).toEqual([
      { granularity: "day", state: "open" },
      { granularity: "hour", state: "open" },
    ]);
  });
});
