import { describe, expect, it } from "vitest";
import { seedProjectTeam } from "@/db/seed/factories";
import { seedQueue, seedQueueItems } from "@/db/seed/loop";
import { setUpTestDatabase } from "@/db/testing/test-database";
import { readGoldPage } from "@/server/gold-feed/service";
import { insertGoldLabel } from "./queries";

const testDb = setUpTestDatabase();

describe("gold order", () => {
  it("lets writers run side by side, and a feed read wait for those in flight so its cursor never passes a label still being written", async () => {
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
    // A slow writer draws the lower id and holds its transaction open.
    let releaseSlow: () => void = () => {};
    let slowId = 0;
    const slowWriter = testDb.db.transaction().execute(async (trx) => {
      slowId = await insertGoldLabel(trx, gold(first!));
      await new Promise<void>((resolve) => (releaseSlow = resolve));
    });
    await expect.poll(() => slowId).toBeGreaterThan(0);
    // A fast writer is not held up by it: it draws a higher id and commits first.
    const fastId = await testDb.db.transaction().execute((trx) => insertGoldLabel(trx, gold(second!)));
    expect(fastId).toBeGreaterThan(slowId);

    // A feed read now waits for the slow writer instead of serving the higher id alone.
    let page: Awaited<ReturnType<typeof readGoldPage>> | undefined;
    const reading = readGoldPage(testDb.db, projectId, { since: "0", limit: 10 }).then((read) => (page = read));
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(page).toBeUndefined();
    releaseSlow();
    await Promise.all([slowWriter, reading]);
    expect(page!.data.map((entry) => entry.gold_label_id)).toEqual([slowId, fastId]);
  });
});
