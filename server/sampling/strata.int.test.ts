import { beforeAll, describe, expect, it } from "vitest";
import { seedProjectTeam } from "@/db/seed/factories";
import { setUpTestDatabase } from "@/db/testing/test-database";
import { drawUniform } from "./draw";
import { addQueue, dayPlanOf, expectBinomial, ingestAll, outputsOn, queueItemsOf, type Team } from "./science-test-support";

const testDb = setUpTestDatabase();
const HISTORY_DAYS = ["2026-11-01", "2026-11-02", "2026-11-03"];
const DAY = "2026-11-04";
/** Per history day: 300 en and 60 de outputs; on DAY: 2,000 en, 600 de and 200 fr (a stratum the history never saw). */
const DAY_VOLUME = { en: 2_000, de: 600, fr: 200 } as const;
let team: Team;
let queueId: string;
let byTag: string;
let byModel: string;

beforeAll(async () => {
  team = await seedProjectTeam(testDb.db);
  let next = 0;
  for (const day of HISTORY_DAYS) {
    await ingestAll(testDb.db, team, outputsOn(day, next, 360, (index) => ({ metadata: { locale: index % 6 === 0 ? "de" : "en" } })));
    next += 360;
  }
  queueId = await addQueue(testDb.db, team, { rate: 0.05, strataBy: "metadata", strataKey: "locale", quotaPerDay: 30 });
  byTag = await addQueue(testDb.db, team, { rate: 0.05, strataBy: "tag", strataTags: ["billing", "support"], quotaPerDay: 30 });
  byModel = await addQueue(testDb.db, team, { rate: 0.05, strataBy: "model", quotaPerDay: 30 });
  for (const [locale, count] of Object.entries(DAY_VOLUME)) {
    await ingestAll(testDb.db, team, outputsOn(DAY, next, count, () => ({ metadata: { locale } })));
    next += count;
  }
});

describe("strata with a daily quota", () => {
  it("fixes each stratum's rate for the day from the days before: max(rate, quota ÷ daily volume)", async () => {
    const plan = await dayPlanOf(testDb.db, team, queueId, DAY);
    // en: 30 ÷ 300 a day = 0.1; de: 30 ÷ 60 a day = 0.5; fr was never seen, so it gets the base rate.
    expect(plan.stratumRates).toEqual({ en: expect.closeTo(0.1, 12), de: expect.closeTo(0.5, 12) });
    expect(plan.defaultRate).toBe(0.05);
    expect(plan.limitedBy).toBeNull();
    expect(plan.expectedItems).toBeCloseTo(60, 9);
  });

  it("names strata by tag and by model the same way in the history as in the draws", async () => {
    // Every output is tagged support by support-bot-1: 360 a day, so 30 ÷ 360.
    expect((await dayPlanOf(testDb.db, team, byTag, DAY)).stratumRates).toEqual({ support: expect.closeTo(30 / 360, 12) });
    expect((await dayPlanOf(testDb.db, team, byModel, DAY)).stratumRates).toEqual({ "support-bot-1": expect.closeTo(30 / 360, 12) });
    const tagged = [...(await queueItemsOf(testDb.db, team, byTag)).values()];
    expect(tagged.length).toBeGreaterThan(0);
    expect(tagged.every((item) => item.stratum === "support" && Math.abs(item.pi - 30 / 360) < 1e-12)).toBe(true);
    expect([...(await queueItemsOf(testDb.db, team, byModel)).values()].every((item) => item.stratum === "support-bot-1")).toBe(true);
  });

  it("takes exactly the outputs whose draw is below their stratum's rate, each recording that rate as π", async () => {
    const plan = await dayPlanOf(testDb.db, team, queueId, DAY);
    const rates: Record<string, number> = { ...plan.stratumRates, fr: plan.defaultRate };
    const items = await queueItemsOf(testDb.db, team, queueId);
    let index = HISTORY_DAYS.length * 360;
    for (const [locale, count] of Object.entries(DAY_VOLUME)) {
      const rate = rates[locale]!;
      let taken = 0;
      for (let offset = 0; offset < count; offset += 1, index += 1) {
        const externalId = `out-${index}`;
        const item = items.get(externalId);
        expect(item !== undefined, externalId).toBe(drawUniform(queueId, externalId) < rate);
        if (!item) continue;
        taken += 1;
        expect(item).toMatchObject({ pi: rate, stratum: locale, provenance: "rule", priority: 0 });
      }
      // The empirical inclusion frequency of the stratum matches its recorded π.
      expectBinomial(taken, count, rate);
    }
    // The history days were stored before the queue existed and nobody backfilled: nothing from them.
    expect([...items.values()].every((item) => Number(item.externalId.slice(4)) >= HISTORY_DAYS.length * 360)).toBe(true);
  });

  it("weights items by 1/π back to the day's true stratum sizes (Horvitz–Thompson)", async () => {
    const items = [...(await queueItemsOf(testDb.db, team, queueId)).values()];
    for (const [locale, count] of Object.entries(DAY_VOLUME)) {
      const estimate = items.filter((item) => item.stratum === locale).reduce((sum, item) => sum + 1 / item.pi, 0);
      // HT's standard deviation for a stratum is √(N(1 − π)/π); four of them bound the error.
      const rate = items.find((item) => item.stratum === locale)!.pi;
      expect(Math.abs(estimate - count)).toBeLessThan(4 * Math.sqrt((count * (1 - rate)) / rate));
    }
  });
});
