import { beforeAll, describe, expect, it } from "vitest";
import { seedProjectTeam } from "@/db/seed/factories";
import { setUpTestDatabase } from "@/db/testing/test-database";
import { ingestSignals } from "@/server/ingest/signals-service";
import { drawUniform } from "./draw";
import { prepareDayPlans } from "./plan-job";
import { addQueue, dayPlanOf, expectBinomial, ingestAll, outputsOn, queueItemsOf, type Team } from "./science-test-support";

const testDb = setUpTestDatabase();
const FLOOR = 0.05;
const CAP = 50;
const DAYS = ["2026-11-10", "2026-11-11"];
const PER_DAY = 1_000;
let team: Team;
let queueId: string;
const idsOn = (dayIndex: number) => Array.from({ length: PER_DAY }, (_, offset) => `out-${dayIndex * PER_DAY + offset}`);
/** One output in ten gets a thumbs_down. */
const hasSignal = (externalId: string) => Number(externalId.slice(4)) % 10 === 0;
const thumbsDown = (externalIds: readonly string[]) =>
  ingestSignals(testDb.db, { projectId: team.project.id }, externalIds.filter(hasSignal).map((externalId) => ({ external_id: externalId, kind: "thumbs_down" })));

beforeAll(async () => {
  team = await seedProjectTeam(testDb.db);
  queueId = await addQueue(testDb.db, team, { rate: 1, signals: ["thumbs_down"], explorationFloor: FLOOR, maxPending: CAP });
});

describe("exploration floor and pending cap", () => {
  it("draws every output of the population at π ≥ ε, even without the signal the rule asks for", async () => {
    await ingestAll(testDb.db, team, outputsOn(DAYS[0]!, 0, PER_DAY));
    const beforeSignals = await queueItemsOf(testDb.db, team, queueId);
    expect([...beforeSignals.keys()].sort()).toEqual(idsOn(0).filter((externalId) => drawUniform(queueId, externalId) < FLOOR).sort());
    expect([...beforeSignals.values()].every((item) => item.pi === FLOOR)).toBe(true);
    expectBinomial(beforeSignals.size, PER_DAY, FLOOR);

    await thumbsDown(idsOn(0));
    const items = await queueItemsOf(testDb.db, team, queueId);
    const expected = idsOn(0).filter((externalId) => hasSignal(externalId) || drawUniform(queueId, externalId) < FLOOR);
    expect([...items.keys()].sort()).toEqual(expected.sort());
    for (const [externalId, item] of items) expect(item.pi).toBe(hasSignal(externalId) ? 1 : FLOOR);
  });

  it("samples a day that starts at or over the pending cap at ε only, and a signal cannot lift it", async () => {
    const pending = (await queueItemsOf(testDb.db, team, queueId)).size;
    expect(pending).toBeGreaterThanOrEqual(CAP);
    // The midnight job fixes the day's plan before its first output arrives; ingest then reads that plan.
    await prepareDayPlans(testDb.db, team.project.id, new Date(`${DAYS[1]}T00:01:00Z`));
    const prepared = await dayPlanOf(testDb.db, team, queueId, DAYS[1]!);
    await ingestAll(testDb.db, team, outputsOn(DAYS[1]!, PER_DAY, PER_DAY));
    const plan = await dayPlanOf(testDb.db, team, queueId, DAYS[1]!);
    expect(plan).toMatchObject({ limitedBy: "pending_cap", defaultRate: 0 });
    expect(plan).toEqual(prepared);
    await thumbsDown(idsOn(1));
    const items = [...(await queueItemsOf(testDb.db, team, queueId)).values()].filter((item) => Number(item.externalId.slice(4)) >= PER_DAY);
    expect(items.map((item) => item.externalId).sort()).toEqual(idsOn(1).filter((externalId) => drawUniform(queueId, externalId) < FLOOR).sort());
    expect(items.every((item) => item.pi === FLOOR)).toBe(true);
  });
});
