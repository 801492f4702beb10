import { beforeAll, describe, expect, it } from "vitest";
import { seedProjectTeam } from "@/db/seed/factories";
import { setUpTestDatabase } from "@/db/testing/test-database";
import { ingestOutputs } from "@/server/ingest/service";
import { createQueueRequestSchema } from "@/server/queues/schema";
import { createQueue } from "@/server/queues/service";
import { buildOutputItem } from "@/server/ingest/test-fixtures";
import { buildQueueInput } from "@/server/queues/test-fixtures";
import { drawUniform } from "./draw";
import { backfillQueue } from "./service";

const testDb = setUpTestDatabase();
const OUTPUTS = 2_000;
const RATE = 0.3;
let team: Awaited<ReturnType<typeof seedProjectTeam>>;
const addQueue = async (rule: Parameters<typeof buildQueueInput>[0]) => {
  const actor = { projectId: team.project.id, userId: team.members.lead.id };
  return (await createQueue(testDb.db, actor, createQueueRequestSchema.parse(buildQueueInput(rule)))).id;
};
const queueItems = (queueId: string) =>
  testDb.db
    .selectFrom("queue_items")
    .innerJoin("outputs", "outputs.id", "queue_items.output_id")
    .select(["outputs.external_id as externalId", "queue_items.inclusion_probability as pi"])
    .where("queue_items.project_id", "=", team.project.id)
    .where("queue_items.queue_id", "=", queueId)
    .orderBy("outputs.external_id")
    .execute();

beforeAll(async () => {
  team = await seedProjectTeam(testDb.db);
});

describe("sampling", () => {
  it("draws deterministically at the rate on ingest, storing π, and backfill replays the same set", async () => {
    const liveQueue = await addQueue({ rate: RATE });
    for (let start = 0; start < OUTPUTS; start += 1_000) {
      const batch = Array.from({ length: 1_000 }, (_, offset) => buildOutputItem(start + offset, { tags: ["support", start + offset < 100 ? "beta" : "ga"] }));
      const { summary } = await ingestOutputs(testDb.db, { projectId: team.project.id, apiKeyId: null }, batch);
      expect(summary.created).toBe(1_000);
    }
    const live = await queueItems(liveQueue);
    // Within four standard deviations of Binomial(2000, 0.3).
    expect(Math.abs(live.length - OUTPUTS * RATE)).toBeLessThan(4 * Math.sqrt(OUTPUTS * RATE * (1 - RATE)));
    expect(new Set(live.map((item) => item.pi))).toEqual(new Set([RATE]));
    const expected = Array.from({ length: OUTPUTS }, (_, index) => `out-${index}`)
      .filter((externalId) => drawUniform(liveQueue, externalId) < RATE)
      .sort();
    expect(live.map((item) => item.externalId).sort()).toEqual(expected);

    // Backfilling the live queue finds nothing new: the replayed draws agree with the ones made at ingest.
    await expect(backfillQueue(testDb.db, team.project.id, liveQueue)).resolves.toEqual({ scanned: OUTPUTS, added: 0 });
    expect(await queueItems(liveQueue)).toEqual(live);
  });

  it("backfills a new queue from stored outputs by its rule, idempotently", async () => {
    const betaQueue = await addQueue({ rate: 1, tags: ["beta"] });
    expect(await queueItems(betaQueue)).toEqual([]);
    await expect(backfillQueue(testDb.db, team.project.id, betaQueue)).resolves.toEqual({ scanned: OUTPUTS, added: 100 });
    await expect(backfillQueue(testDb.db, team.project.id, betaQueue)).resolves.toEqual({ scanned: OUTPUTS, added: 0 });
    expect((await queueItems(betaQueue)).every((item) => item.pi === 1)).toBe(true);
  });

  it("refuses to backfill a queue of another project or an archived one", async () => {
    const queueId = await addQueue({ rate: 1 });
    const other = await seedProjectTeam(testDb.db);
    await expect(backfillQueue(testDb.db, other.project.id, queueId)).rejects.toThrow(/no open queue/);
    await testDb.db.updateTable("queues").set({ archived_at: new Date() }).where("project_id", "=", team.project.id).where("id", "=", queueId).execute();
    await expect(backfillQueue(testDb.db, team.project.id, queueId)).rejects.toThrow(/no open queue/);
  });
});
