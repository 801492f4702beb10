import { describe, expect, it } from "vitest";
import { seedProjectTeam } from "@/db/seed/factories";
import { seedQueue, seedQueueItems } from "@/db/seed/loop";
import { setUpTestDatabase } from "@/db/testing/test-database";
import { insertGoldLabel } from "./queries";

const testDb = setUpTestDatabase();

describe("gold writers", () => {
  it("commit a project's gold in id order, so the feed's id cursor cannot pass over a label still being written", async () => {
    const team = await seedProjectTeam(testDb.db);
    const projectId = team.project.id;
    const queue = await seedQueue(testDb.db, { projectId });
    const [first, second] = await seedQueueItems(testDb.db, { projectId, queueId: queue.id, count: 2 });
    const gold = (item: { id: number; outputId: number }) => ({
      projectId,
      queueId: queue.id,
      queueItemId: item.id,
      outputId: item.outputId,
      values: { verdict: "helpful" },
      correction: null,
      method: "majority",
      confidence: 1,
      provenance: {},
      resolvedBy: null,
    });
    let releaseFirst: () => void = () => {};
    let firstId = 0;
    const firstWriter = testDb.db.transaction().execute(async (trx) => {
      firstId = await insertGoldLabel(trx, gold(first!));
      await new Promise<void>((resolve) => (releaseFirst = resolve));
    });
    await expect.poll(() => firstId).toBeGreaterThan(0);
    let secondId = 0;
    const secondWriter = testDb.db.transaction().execute(async (trx) => {
      secondId = await insertGoldLabel(trx, gold(second!));
    });
    await new Promise((resolve) => setTimeout(resolve, 200));
    // The second writer waits for the first to commit before it even draws its id.
    expect(secondId).toBe(0);
    const visible = await testDb.db.selectFrom("gold_labels").select("id").where("project_id", "=", projectId).execute();
    expect(visible).toEqual([]);
    releaseFirst();
    await Promise.all([firstWriter, secondWriter]);
    expect(secondId).toBeGreaterThan(firstId);
  });
});
