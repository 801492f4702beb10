import { beforeAll, describe, expect, it } from "vitest";
import { seedProjectTeam } from "@/db/seed/factories";
import { setUpTestDatabase } from "@/db/testing/test-database";
import { ingestOutputs } from "@/server/ingest/service";
import { ingestSignals } from "@/server/ingest/signals-service";
import { buildOutputItem } from "@/server/ingest/test-fixtures";
import { createQueueRequestSchema } from "@/server/queues/schema";
import { createQueue } from "@/server/queues/service";
import { buildQueueInput } from "@/server/queues/test-fixtures";
import { drawHoldout, drawUniform } from "./draw";
import { backfillQueue } from "./service";

const testDb = setUpTestDatabase();
const OUTPUTS = 2_000;
const RATE = 0.3;
const HOLDOUT = 0.2;
/** π of an item the main draw could take (its signal arrived): P(main or holdout). */
const PI_WITH_SIGNAL = 1 - (1 - RATE) * (1 - HOLDOUT);
let team: Awaited<ReturnType<typeof seedProjectTeam>>;
const externalIds = Array.from({ length: OUTPUTS }, (_, index) => `out-${index}`);
/** Even outputs get a thumbs_down after ingest; odd ones never do. */
const hasSignal = (externalId: string) => Number(externalId.slice(4)) % 2 === 0;

const addQueue = async (rule: Parameters<typeof buildQueueInput>[0], holdoutFraction: number) => {
  const actor = { projectId: team.project.id, userId: team.members.lead.id };
  return (await createQueue(testDb.db, actor, createQueueRequestSchema.parse(buildQueueInput(rule, { holdoutFraction })))).id;
};
const queueItems = (queueId: string) =>
  testDb.db
    .selectFrom("queue_items")
    .innerJoin("outputs", "outputs.id", "queue_items.output_id")
    .select(["outputs.external_id as externalId", "queue_items.inclusion_probability as pi", "queue_items.is_holdout as isHoldout"])
    .where("queue_items.project_id", "=", team.project.id)
    .where("queue_items.queue_id", "=", queueId)
    .orderBy("outputs.external_id")
    .execute();
/** Within four standard deviations of Binomial(n, p). */
const expectBinomial = (count: number, n: number, p: number) => expect(Math.abs(count - n * p)).toBeLessThan(4 * Math.sqrt(n * p * (1 - p)));

beforeAll(async () => {
  team = await seedProjectTeam(testDb.db);
});

describe("holdout slice", () => {
  it("draws h of the population at ingest whatever the signal filter says, and late signals add the main draw with exact π", async () => {
    const queueId = await addQueue({ rate: RATE, signals: ["thumbs_down"] }, HOLDOUT);
    for (let start = 0; start < OUTPUTS; start += 1_000) {
      const batch = Array.from({ length: 1_000 }, (_, offset) => buildOutputItem(start + offset));
      expect((await ingestOutputs(testDb.db, { projectId: team.project.id, apiKeyId: null }, batch)).summary.created).toBe(1_000);
    }
    const inHoldout = externalIds.filter((externalId) => drawHoldout(queueId, externalId) < HOLDOUT);
    const atIngest = await queueItems(queueId);
    // No output has a signal yet, so the rule's main draw took nothing: the queue holds the holdout only, at π = h.
    expect(atIngest.map((item) => item.externalId)).toEqual([...inHoldout].sort());
    expect(atIngest.every((item) => item.isHoldout && item.pi === HOLDOUT)).toBe(true);
    expectBinomial(atIngest.length, OUTPUTS, HOLDOUT);

    const signals = externalIds.filter(hasSignal).map((externalId) => ({ external_id: externalId, kind: "thumbs_down" }));
    for (let start = 0; start < signals.length; start += 1_000) await ingestSignals(testDb.db, { projectId: team.project.id }, signals.slice(start, start + 1_000));

    const items = await queueItems(queueId);
    const isMain = (externalId: string) => hasSignal(externalId) && drawUniform(queueId, externalId) < RATE;
    const isHoldout = (externalId: string) => drawHoldout(queueId, externalId) < HOLDOUT;
    const expected = externalIds.filter((externalId) => isMain(externalId) || isHoldout(externalId)).sort();
    expect(items.map((item) => item.externalId)).toEqual(expected);
    for (const item of items) {
      expect(item.isHoldout).toBe(isHoldout(item.externalId));
      expect(item.pi).toBe(hasSignal(item.externalId) ? PI_WITH_SIGNAL : HOLDOUT);
    }
    // The holdout ignores the signal filter: half of it lacks the signal the rule asks for.
    const holdout = items.filter((item) => item.isHoldout);
    expectBinomial(holdout.filter((item) => !hasSignal(item.externalId)).length, holdout.length, 0.5);
    expectBinomial(holdout.length, OUTPUTS, HOLDOUT);

    // A backfill replays the same draws and adds nothing.
    await expect(backfillQueue(testDb.db, team.project.id, queueId)).resolves.toEqual({ scanned: OUTPUTS, added: 0 });
    expect(await queueItems(queueId)).toEqual(items);
  });

  it("backfills a new queue with the same draws, keeping to the rule's population filters", async () => {
    const queueId = await addQueue({ rate: RATE, signals: ["thumbs_down"], tags: ["support"], metadata: { locale: "en" } }, HOLDOUT);
    const otherPopulation = await addQueue({ rate: 1, tags: ["billing"] }, 0.5);
    await expect(backfillQueue(testDb.db, team.project.id, queueId)).resolves.toMatchObject({ scanned: OUTPUTS });
    await expect(backfillQueue(testDb.db, team.project.id, otherPopulation)).resolves.toEqual({ scanned: OUTPUTS, added: 0 });
    const items = await queueItems(queueId);
    const isHoldout = (externalId: string) => drawHoldout(queueId, externalId) < HOLDOUT;
    const expected = externalIds.filter((externalId) => (hasSignal(externalId) && drawUniform(queueId, externalId) < RATE) || isHoldout(externalId)).sort();
    expect(items.map((item) => item.externalId)).toEqual(expected);
    expect(items.every((item) => item.isHoldout === isHoldout(item.externalId) && item.pi === (hasSignal(item.externalId) ? PI_WITH_SIGNAL : HOLDOUT))).toBe(true);
    expectBinomial(items.filter((item) => item.isHoldout).length, OUTPUTS, HOLDOUT);
  });

  it("keeps π at the rate and takes nothing into the holdout when h = 0", async () => {
    const queueId = await addQueue({ rate: RATE }, 0);
    await backfillQueue(testDb.db, team.project.id, queueId);
    const items = await queueItems(queueId);
    expect(items.every((item) => !item.isHoldout && item.pi === RATE)).toBe(true);
    expectBinomial(items.length, OUTPUTS, RATE);
  });
});
