import { beforeAll, describe, expect, it } from "vitest";
import { seedProjectTeam } from "@/db/seed/factories";
import { setUpTestDatabase } from "@/db/testing/test-database";
import { ingestSignals } from "@/server/ingest/signals-service";
import { removeQueueItem } from "@/server/queues/item-removal-service";
import { drawUniform } from "./draw";
import { addQueue, dayPlanOf, ingestAll, outputsOn, queueItemsOf, type Team } from "./science-test-support";
import { backfillQueue } from "./service";

const testDb = setUpTestDatabase();
const HISTORY_DAYS = ["2026-11-01", "2026-11-02", "2026-11-03"];
const DAY = "2026-11-04";
const PER_DAY = 400;
const FIRST_ON_DAY = HISTORY_DAYS.length * PER_DAY;
const RULE = { rate: 0.5, prioritySignals: ["thumbs_down"] as const, priorityScoreBelow: 0.3, priorityMultiplier: 4, explorationFloor: 0.02, dailyBudget: 40 };
let team: Team;
let queueId: string;
const dayIds = Array.from({ length: 1_000 }, (_, offset) => `out-${FIRST_ON_DAY + offset}`);
/** Every fifth output gets a thumbs_down, the next a low judge score, the next a high one (not a priority). */
const signalOf = (externalId: string) => ["thumbs_down", "low score", "high score", null, null][Number(externalId.slice(4)) % 5]!;
const isPrioritized = (externalId: string) => signalOf(externalId) === "thumbs_down" || signalOf(externalId) === "low score";

beforeAll(async () => {
  team = await seedProjectTeam(testDb.db);
  for (const [index, day] of HISTORY_DAYS.entries()) await ingestAll(testDb.db, team, outputsOn(day, index * PER_DAY, PER_DAY));
  queueId = await addQueue(testDb.db, team, { ...RULE, prioritySignals: [...RULE.prioritySignals] });
  await ingestAll(testDb.db, team, outputsOn(DAY, FIRST_ON_DAY, dayIds.length));
});

const sendSignals = (externalIds: readonly string[]) =>
  ingestSignals(
    testDb.db,
    { projectId: team.project.id },
    externalIds.flatMap((externalId) => {
      const signal = signalOf(externalId);
      if (signal === null) return [];
      return [signal === "thumbs_down" ? { external_id: externalId, kind: "thumbs_down" } : { external_id: externalId, kind: "score", value: signal === "low score" ? 0.1 : 0.9 }];
    }),
  );

describe("budget, priority and late signals", () => {
  let rate: number;

  it("scales the day's rate down so the day expects its budget: 400 a day × r = 40", async () => {
    const plan = await dayPlanOf(testDb.db, team, queueId, DAY);
    expect(plan.limitedBy).toBe("budget");
    rate = plan.stratumRates.all!;
    expect(rate).toBeCloseTo(0.1, 12);
    expect(rate * PER_DAY).toBeLessThanOrEqual(40);
    expect(plan.defaultRate).toBe(rate);
    const items = await queueItemsOf(testDb.db, team, queueId);
    expect([...items.keys()].sort()).toEqual(dayIds.filter((externalId) => drawUniform(queueId, externalId) < rate).sort());
    expect([...items.values()].every((item) => item.pi === rate && item.priority === 0 && item.provenance === "rule")).toBe(true);
  });

  it("multiplies the rate for a thumbs_down or a score below the threshold when the signal arrives, replaying the same draw", async () => {
    await sendSignals(dayIds);
    const boosted = Math.min(1, rate * RULE.priorityMultiplier);
    const items = await queueItemsOf(testDb.db, team, queueId);
    const expected = dayIds.filter((externalId) => drawUniform(queueId, externalId) < (isPrioritized(externalId) ? boosted : rate));
    expect([...items.keys()].sort()).toEqual(expected.sort());
    for (const [externalId, item] of items) {
      // An item taken at the base rate before its thumbs_down keeps its place; its π rises to the boosted rate.
      expect(item).toMatchObject(isPrioritized(externalId) ? { pi: boosted, priority: 1 } : { pi: rate, priority: 0 });
    }
    // Sending the same signals again changes nothing.
    await sendSignals(dayIds);
    expect(await queueItemsOf(testDb.db, team, queueId)).toEqual(items);
  });

  it("never adds a removed output again: not on a new signal, not on a backfill; the removal is audited", async () => {
    const items = await queueItemsOf(testDb.db, team, queueId);
    const [externalId, item] = [...items].find(([candidate]) => isPrioritized(candidate))!;
    const lead = { projectId: team.project.id, userId: team.members.lead.id };
    await expect(removeQueueItem(testDb.db, lead, { queueItemId: item.id, reason: "internal test traffic" })).resolves.toEqual({ queueId, outputId: item.outputId });
    await sendSignals([externalId]);
    await backfillQueue(testDb.db, team.project.id, queueId);
    const after = await queueItemsOf(testDb.db, team, queueId);
    expect(after.has(externalId)).toBe(false);
    expect(after.size).toBe(items.size - 1 + [...after.keys()].filter((key) => !items.has(key)).length);
    const audit = await testDb.db.selectFrom("audit_log").select(["action", "data"]).where("project_id", "=", team.project.id).where("action", "=", "queue.item_removed").execute();
    expect(audit).toEqual([{ action: "queue.item_removed", data: expect.objectContaining({ queueId, outputId: item.outputId, reason: "internal test traffic" }) }]);
    await expect(removeQueueItem(testDb.db, lead, { queueItemId: item.id, reason: "again" })).rejects.toThrow(/no queue item/);
  });

  it("backfills a new queue as provenance backfill, each day at its own plan fixed from the days before it", async () => {
    const backfilled = await addQueue(testDb.db, team, { ...RULE, prioritySignals: [...RULE.prioritySignals] });
    const result = await backfillQueue(testDb.db, team.project.id, backfilled);
    expect(result.scanned).toBe(FIRST_ON_DAY + dayIds.length);
    const items = await queueItemsOf(testDb.db, team, backfilled);
    expect(result.added).toBe(items.size);
    // The first day has no history, so it runs at the base rate; the next ones are held to the budget.
    const rates = new Map<string, number>();
    for (const day of [...HISTORY_DAYS, DAY]) rates.set(day, (await dayPlanOf(testDb.db, team, backfilled, day)).defaultRate);
    expect(rates.get("2026-11-01")).toBe(0.5);
    expect(rates.get("2026-11-02")).toBeCloseTo(0.1, 12);
    const dayOf = (externalId: string) => [...HISTORY_DAYS, DAY][Math.min(3, Math.floor(Number(externalId.slice(4)) / PER_DAY))]!;
    const all = Array.from({ length: FIRST_ON_DAY + dayIds.length }, (_, index) => `out-${index}`);
    const piOf = (externalId: string) => {
      const dayRate = rates.get(dayOf(externalId))!;
      const hasSignals = Number(externalId.slice(4)) >= FIRST_ON_DAY;
      return hasSignals && isPrioritized(externalId) ? Math.min(1, dayRate * RULE.priorityMultiplier) : dayRate;
    };
    expect([...items.keys()].sort()).toEqual(all.filter((externalId) => drawUniform(backfilled, externalId) < piOf(externalId)).sort());
    for (const [externalId, item] of items) expect(item).toMatchObject({ provenance: "backfill", pi: piOf(externalId) });
  });
});
