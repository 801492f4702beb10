import { beforeAll, describe, expect, it } from "vitest";
import { seedProject, seedProjectTeam } from "@/db/seed/factories";
import { seedQueue } from "@/db/seed/loop";
import { setUpTestDatabase } from "@/db/testing/test-database";
import { NotFoundError } from "@/server/lib/errors";
import { computeCohenKappaFromRatings } from "@/server/quality/cohen";
import { encodeLabels } from "@/server/quality/encode";
import { computeFleissKappaFromLabels } from "@/server/quality/fleiss";
import { computeKrippendorffAlpha } from "@/server/quality/krippendorff";
import { createReliabilityData } from "@/server/quality/reliability-data";
import { measureAgreementWithOthers } from "./agreement-with-others-queries";
import { getQueueAgreement, type QueueAgreement } from "./service";
import { SCENARIO_ALPHA_WINDOWS, SCENARIO_GOLD, SCENARIO_JUDGE, SCENARIO_LABELS, seedAgreementScenario } from "./test-scenario";

const testDb = setUpTestDatabase();
const reviewers = ["ada", "ben", "cleo"] as const;
const codes = new Map([["helpful", 0], ["harmful", 1], ["off_topic", 2]]);

let scenario: Awaited<ReturnType<typeof seedAgreementScenario>>;
let projectId: string;
let result: QueueAgreement;

beforeAll(async () => {
  const team = await seedProjectTeam(testDb.db);
  projectId = team.project.id;
  scenario = await seedAgreementScenario(testDb.db, projectId);
  result = await getQueueAgreement(testDb.db, { projectId, queueId: scenario.queue.id, now: new Date("2026-11-29T12:00:00Z") });
});

describe("getQueueAgreement", () => {
  it("measures α, Fleiss' κ and pairwise Cohen's κ over counted answers only, as server/quality does", () => {
    const [field] = result.fields;
    // The three reviewers' 12 items plus Ada and Eve's shared item; the decoy and gold-check answers are left out.
    const rows = reviewers.map((reviewer) => [...SCENARIO_LABELS[reviewer].map((label) => codes.get(label)!), reviewer === "ada" ? 0 : null]);
    rows.push([...Array<null>(12).fill(null), 1]);
    const alpha = computeKrippendorffAlpha(createReliabilityData(rows), "nominal");
    expect(field).toMatchObject({ key: "verdict", items: 13, answers: 38, annotators: 4 });
    expect(field!.alpha.level).toBe("nominal");
    expect(field!.alpha.value).toBeCloseTo(alpha.alpha, 12);
    expect(field!.alpha.pairableItems).toBe(13);
    expect(field!.alpha.lower!).toBeLessThan(field!.alpha.value!);
    expect(field!.alpha.upper!).toBeGreaterThan(field!.alpha.value!);

    const triples = reviewers.flatMap((reviewer) => SCENARIO_LABELS[reviewer].map((label, item) => ({ item: String(item), worker: reviewer, label })));
    expect(field!.fleiss).toMatchObject({ ratersPerItem: 3, items: 12 });
    expect(field!.fleiss.value).toBeCloseTo(computeFleissKappaFromLabels(encodeLabels(triples)).kappa, 12);

    const idOf = (reviewer: "ada" | "ben" | "cleo" | "eve") => scenario.people[reviewer].id;
    const pairOf = (first: string, second: string) => field!.cohen.find((pair) => (pair.first === first && pair.second === second) || (pair.first === second && pair.second === first));
    for (const [first, second] of [["ada", "ben"], ["ada", "cleo"], ["ben", "cleo"]] as const) {
      const pair = pairOf(idOf(first), idOf(second));
      expect(pair?.sharedItems).toBe(12);
      expect(pair?.value).toBeCloseTo(computeCohenKappaFromRatings([...SCENARIO_LABELS[first]], [...SCENARIO_LABELS[second]]).kappa, 12);
    }
    expect(pairOf(idOf("ada"), idOf("eve"))).toMatchObject({ sharedItems: 1, value: null, lower: null, upper: null });
    expect(pairOf(idOf("ben"), idOf("eve"))).toBeUndefined();
    expect(result.minSharedItems).toBe(10);
    expect(result.bootstrap).toEqual({ replicates: 200, seed: 1, confidence: 0.95 });
  });

  it("gives the same intervals on every call (seeded bootstrap)", async () => {
    const again = await getQueueAgreement(testDb.db, { projectId, queueId: scenario.queue.id, now: new Date("2026-11-29T12:00:00Z") });
    expect(again.fields).toEqual(result.fields);
  });

  it("measures the judge against current gold per field and source, ignoring fields the queue does not have", () => {
    expect(result.judges).toHaveLength(1);
    const [judge] = result.judges;
    const matching = SCENARIO_JUDGE.filter((label, item) => label === SCENARIO_GOLD[item]).length;
    expect(judge).toMatchObject({ source: "gpt-judge", fieldKey: "verdict", items: 12, agreement: matching / 12 });
    expect(judge!.value).toBeCloseTo(computeCohenKappaFromRatings([...SCENARIO_JUDGE], [...SCENARIO_GOLD]).kappa, 12);
    expect(judge!.lower!).toBeLessThanOrEqual(judge!.value!);
  });

  it("reads α per window from the loop-health metric with its interval", () => {
    expect(result.alphaOverTime.fieldKey).toBe("verdict");
    expect(result.alphaOverTime.points).toEqual([
      { windowStart: SCENARIO_ALPHA_WINDOWS[0]!.windowStart, pairableItems: 40, value: 0.61, lower: 0.48, upper: 0.72 },
      { windowStart: SCENARIO_ALPHA_WINDOWS[1]!.windowStart, pairableItems: 0, value: null, lower: null, upper: null },
    ]);
  });

  it("lists each annotator with agreement with the others, reliability and gold accuracy", () => {
    const rowOf = (reviewer: "ada" | "ben" | "cleo" | "dev" | "eve") => result.annotators.find((row) => row.annotatorId === scenario.people[reviewer].id);
    // Hand count: each of Ada's answers on the 12 items meets Ben's and Cleo's; on the shared item, Eve's.
    const agreeing = SCENARIO_LABELS.ada.reduce((sum, label, item) => sum + Number(label === SCENARIO_LABELS.ben[item]) + Number(label === SCENARIO_LABELS.cleo[item]), 0);
    expect(rowOf("ada")).toEqual({
      annotatorId: scenario.people.ada.id,
      name: "Ada Reviewer",
      answers: { verdict: 13 },
      agreementWithOthers: { pairs: 25, agreement: agreeing / 25 },
      reliability: [{ fieldKey: "verdict", reliability: 0.83, method: "dawid_skene", labelCount: 12 }],
      goldAccuracy: expect.objectContaining({ checks: 2, correct: 1, accuracy: 0.5 }),
    });
    expect(rowOf("eve")).toMatchObject({ answers: { verdict: 1 }, agreementWithOthers: { pairs: 1, agreement: 0 }, reliability: [], goldAccuracy: null });
    expect(rowOf("dev")).toBeUndefined();
    expect(result.annotators.map((row) => row.name)).toEqual(["Ada Reviewer", "Ben Reviewer", "Cleo Reviewer", "Eve Reviewer"]);
  });

  it("counts agreement with others in memory exactly as measureAgreementWithOthers does in SQL", async () => {
    const fromSql = await measureAgreementWithOthers(testDb.db, { projectId, queueId: scenario.queue.id });
    expect(fromSql.length).toBe(4);
    for (const entry of fromSql) {
      expect(result.annotators.find((row) => row.annotatorId === entry.annotatorId)?.agreementWithOthers).toEqual({ pairs: entry.pairs, agreement: entry.agreement });
    }
    const [ada] = await measureAgreementWithOthers(testDb.db, { projectId, annotatorId: scenario.people.ada.id });
    expect(ada).toEqual(expect.objectContaining({ pairs: 25 }));
  });

  it("shows a queue without answers as empty, not as an error", async () => {
    const empty = await seedQueue(testDb.db, { projectId });
    const agreement = await getQueueAgreement(testDb.db, { projectId, queueId: empty.id });
    expect(agreement.fields[0]).toMatchObject({ items: 0, answers: 0, alpha: { value: null, pairableItems: 0 }, fleiss: { value: null, ratersPerItem: null, items: 0 }, cohen: [] });
    expect(agreement.annotators).toEqual([]);
    expect(agreement.judges).toEqual([]);
  });

  it("refuses an unknown field or a queue of another project, naming the field", async () => {
    await expect(getQueueAgreement(testDb.db, { projectId, queueId: scenario.queue.id, fieldKey: "tone" })).rejects.toMatchObject({ name: "NotFoundError", field: "fieldKey" });
    const other = await seedProject(testDb.db);
    const error = await getQueueAgreement(testDb.db, { projectId: other.id, queueId: scenario.queue.id }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(NotFoundError);
    expect(error).toMatchObject({ field: "queueId" });
  });
});
