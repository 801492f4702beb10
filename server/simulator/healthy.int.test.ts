import { describe, expect, it } from "vitest";
import { setUpTestDatabase } from "@/db/testing/test-database";
import { runSimulation } from "./service";

const testDb = setUpTestDatabase();

describe("the healthy loop", () => {
  // Seeds run side by side, each in its own project.
  it.concurrent.each([1, 2, 3])("raises no alert over 60 daily windows (seed %i)", async (seed) => {
    const result = await runSimulation(testDb.db, { scenario: "healthy", days: 60, seed, onset: 30 });

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
  }, 1_800_000);
});
