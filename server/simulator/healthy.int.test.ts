import { describe, expect, it } from "vitest";
import { createTestDatabase } from "@/db/testing/test-database";
import { runSimulation } from "./service";

/** A fixed start: with it, the seed fixes the queue id and so the sampled outputs. */
const START = new Date("2026-11-01T00:00:00Z");

describe("the healthy loop", () => {
  // Seeds run side by side, each in a database of its own, so each replays exactly (row ids included, which
  // decide the decoys): a seed passes or fails for good rather than now and then.
  it.concurrent.each([1, 2, 3])("raises no alert over 60 daily windows (seed %i)", async (seed) => {
    const testDb = await createTestDatabase();
    try {
      const result = await runSimulation(testDb.db, { scenario: "healthy", days: 60, seed, onset: 30, now: START });

      expect(result.summary.false_alarms).toEqual([]);
      const alerts = await testDb.db.selectFrom("alerts").select(["detector", "scope_key"]).where("project_id", "=", result.simulated.project.id).execute();
      expect(alerts).toEqual([]);
      // The loop really ran: every day produced gold and every table metric was measured.
      expect(result.rows).toHaveLength(60);
      for (const row of result.rows) {
        expect(row.metrics.gold, `day ${row.day}`).toBeGreaterThan(15);
        expect(row.metrics.alpha, `day ${row.day}`).not.toBeNull();
        expect(row.metrics.maxDecoyAcceptance, `day ${row.day}`).not.toBeNull();
      }
    } finally {
      await testDb.drop();
    }
  }, 1_800_000);
});
