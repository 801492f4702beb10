import { beforeAll, describe, expect, it } from "vitest";
import { POST as postOutputs } from "@/app/api/v1/outputs/route";
import { closeDatabase } from "@/db";
import { seedProjectTeam } from "@/db/seed/factories";
import { setUpTestDatabase } from "@/db/testing/test-database";
import { createApiKey } from "@/server/api-keys/service";
import { createQueueRequestSchema } from "@/server/queues/schema";
import { createQueue } from "@/server/queues/service";
import { buildQueueInput } from "@/server/queues/test-fixtures";
import { compileSavePlan, queueItemsSettled, writeLeftoverQueueItemPlans, type PlannedQueueItem } from "./queue-item-plans";
import { ingestOutputs } from "./service";
import { buildOutputItem } from "./test-fixtures";

const testDb = setUpTestDatabase();
let team: Awaited<ReturnType<typeof seedProjectTeam>>;
let secret: string;
let queueId: string;

const queueItemsOf = (externalIds: readonly string[]) =>
  testDb.db
    .selectFrom("queue_items")
    .innerJoin("outputs", "outputs.id", "queue_items.output_id")
    .select(["outputs.external_id as externalId", "queue_items.inclusion_probability as inclusionProbability", "queue_items.provenance"])
    .where("queue_items.queue_id", "=", queueId)
    .where("outputs.external_id", "in", externalIds)
    .orderBy("outputs.external_id")
    .execute();
const countPlans = async () => (await testDb.db.selectFrom("queue_item_plans").select((eb) => eb.fn.countAll<number>().as("count")).executeTakeFirstOrThrow()).count;

/** Stores outputs no queue takes (no consent), so the tests plan their items by hand. */
async function storeUnqueued(externalIds: readonly string[]) {
  const items = externalIds.map((externalId, index) => buildOutputItem(1_000 + index, { external_id: externalId, consent: false }));
  const { results } = await ingestOutputs(testDb.db, { projectId: team.project.id, apiKeyId: null }, items);
  return results.map((result) => (result as { id: number }).id);
}

/** Saves a plan as ingest does, outside any ingest: what a process that died after its commit leaves. */
async function leavePlan(items: readonly PlannedQueueItem[]) {
  const [row] = (await testDb.db.executeQuery(compileSavePlan(testDb.db, team.project.id, items))).rows;
  return row!;
}
const planned = (outputId: number, contentHash: string): PlannedQueueItem => ({ queueId, outputId, contentHash, inclusionProbability: 1, isHoldout: false, stratum: "all", priority: 0 });

beforeAll(async () => {
  process.env.DATABASE_URL = testDb.url;
  team = await seedProjectTeam(testDb.db);
  secret = (await createApiKey(testDb.db, { projectId: team.project.id, userId: null }, { name: "ingest", scopes: ["ingest"] })).secret;
  return async () => closeDatabase();
});

describe("queue items written after the answer", () => {
  beforeAll(async () => {
    const actor = { projectId: team.project.id, userId: team.members.lead.id };
    queueId = (await createQueue(testDb.db, actor, createQueueRequestSchema.parse(buildQueueInput({ rate: 1 })))).id;
  });

  it("the REST answer counts the items that follow it, and no plan is left once they are written", async () => {
    const outputs = [buildOutputItem(1, { external_id: "plan-b" }), buildOutputItem(2, { external_id: "plan-a" }), buildOutputItem(1, { external_id: "plan-c" })];
    const response = await postOutputs(
      new Request("http://localhost/api/v1/outputs", { method: "POST", headers: { authorization: `Bearer ${secret}`, "content-type": "application/json" }, body: JSON.stringify({ outputs }) }),
    );
    expect(response.status).toBe(200);
    const { results } = await response.json();
    // plan-b and plan-c share their content: of the two, the first in external-id order (plan-b) is queued.
    expect(results.map((result: { external_id: string; queued: number }) => [result.external_id, result.queued])).toEqual([
      ["plan-b", 1],
      ["plan-a", 1],
      ["plan-c", 0],
    ]);
    await queueItemsSettled();
    expect(await queueItemsOf(["plan-a", "plan-b", "plan-c"])).toEqual([
      { externalId: "plan-a", inclusionProbability: 1, provenance: "rule" },
      { externalId: "plan-b", inclusionProbability: 1, provenance: "rule" },
    ]);
    expect(await countPlans()).toBe(0);

    const again = await ingestOutputs(testDb.db, { projectId: team.project.id, apiKeyId: null }, [buildOutputItem(2, { external_id: "plan-d" })]);
    expect(again.results[0]).toMatchObject({ status: "created", queued: 0 });
  });

  it("the sweeper writes a plan left by a process that died after its commit, once, and leaves young plans to their writer", async () => {
    const [first, second] = await storeUnqueued(["left-1", "left-2"]);
    const plan = await leavePlan([planned(first!, "left-content-1"), planned(second!, "left-content-2")]);
    expect(plan).toEqual({ planId: expect.any(Number), outputIds: [first!, second!] });
    expect(await writeLeftoverQueueItemPlans(testDb.db)).toBe(0);
    expect(await countPlans()).toBe(1);

    expect(await writeLeftoverQueueItemPlans(testDb.db, { olderThanMs: 0 })).toBe(2);
    expect(await queueItemsOf(["left-1", "left-2"])).toHaveLength(2);
    expect(await countPlans()).toBe(0);
    expect(await writeLeftoverQueueItemPlans(testDb.db, { olderThanMs: 0 })).toBe(0);
  });

  it("leaves out an output erased, or taken out of the queue, before its plan was written", async () => {
    const [erased, removed, kept] = await storeUnqueued(["gone-erased", "gone-removed", "gone-kept"]);
    await leavePlan([planned(erased!, "gone-1"), planned(removed!, "gone-2"), planned(kept!, "gone-3")]);
    await testDb.db.deleteFrom("outputs").where("id", "=", erased!).execute();
    await testDb.db.insertInto("queue_removed_outputs").values({ project_id: team.project.id, queue_id: queueId, output_id: removed!, reason: "test" }).execute();

    expect(await writeLeftoverQueueItemPlans(testDb.db, { olderThanMs: 0 })).toBe(1);
    expect((await queueItemsOf(["gone-erased", "gone-removed", "gone-kept"])).map((item) => item.externalId)).toEqual(["gone-kept"]);
    expect(await countPlans()).toBe(0);
  });

  it("does not plan content the queue already holds, and plans nothing when every item is such", async () => {
    const [twin] = await storeUnqueued(["twin"]);
    expect(await leavePlan([planned(twin!, "left-content-1")])).toEqual({ planId: null, outputIds: [] });
    expect(await countPlans()).toBe(0);
  });
});
