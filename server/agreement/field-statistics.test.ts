import { describe, expect, it } from "vitest";
import { computeCohenKappaFromRatings } from "@/server/quality/cohen";
import { encodeLabels } from "@/server/quality/encode";
import { computeFleissKappaFromLabels } from "@/server/quality/fleiss";
import { computeKrippendorffAlpha } from "@/server/quality/krippendorff";
import { createRandom } from "@/server/quality/random";
import { createReliabilityData } from "@/server/quality/reliability-data";
import { encodeAnswers } from "./encode-answers";
import { measureFieldAgreement } from "./field-statistics";
import { countAgreementWithOthers, groupSignatures } from "./item-signatures";
import type { AnnotatorAnswers } from "./queries";

const OPTIONS = ["yes", "no", "maybe"];
const BOOTSTRAP = { replicates: 200, seed: 1, confidence: 0.95 };

/** 400 items; most get 3 of 6 annotators, every fifth gets 2 and every seventh 1; answers agree with a hidden truth 75 % of the time. */
function generateAnswers(): { answers: AnnotatorAnswers[]; table: Array<Array<string | null>> } {
  const random = createRandom(42);
  const table = Array.from({ length: 6 }, () => new Array<string | null>(400).fill(null));
  for (let item = 0; item < 400; item += 1) {
    const truth = Math.floor(random() * 3);
    const raters = item % 7 === 0 ? 1 : item % 5 === 0 ? 2 : 3;
    const chosen = new Set<number>();
    while (chosen.size < raters) chosen.add(Math.floor(random() * 6));
    for (const annotator of chosen) table[annotator]![item] = OPTIONS[random() < 0.75 ? truth : Math.floor(random() * 3)]!;
  }
  const answers = table.map((row, annotator) => {
    const items = row.flatMap((value, item) => (value === null ? [] : [item + 1000]));
    return { fieldKey: "answer", annotatorId: `annotator-${annotator}`, queueItemIds: Int32Array.from(items), values: row.filter((value): value is string => value !== null) };
  });
  return { answers, table };
}

describe("measureFieldAgreement", () => {
  const { answers, table } = generateAnswers();
  const encoded = encodeAnswers(answers, OPTIONS);
  const signatures = groupSignatures(encoded);
  const result = measureFieldAgreement(encoded, signatures, { level: "nominal", minSharedItems: 10, bootstrap: BOOTSTRAP });

  it("gives the α of server/quality on the same answers", () => {
    const expected = computeKrippendorffAlpha(createReliabilityData(table.map((row) => row.map((value) => (value === null ? null : OPTIONS.indexOf(value))))), "nominal");
    expect(result.alpha.value).toBeCloseTo(expected.alpha, 12);
    expect(result.alpha.pairableItems).toBe(expected.pairableUnits);
    expect(result.alpha.lower!).toBeLessThan(result.alpha.value!);
    expect(result.alpha.upper!).toBeGreaterThan(result.alpha.value!);
  });

  it("gives Fleiss' κ of server/quality over the items with the modal number of answers", () => {
    const modalItems = table[0]!.flatMap((_, item) => (table.filter((row) => row[item] !== null).length === 3 ? [item] : []));
    const triples = modalItems.flatMap((item) => table.flatMap((row, annotator) => (row[item] === null ? [] : [{ item: String(item), worker: String(annotator), label: row[item]! }])));
    expect(result.fleiss.ratersPerItem).toBe(3);
    expect(result.fleiss.items).toBe(modalItems.length);
    expect(result.fleiss.value).toBeCloseTo(computeFleissKappaFromLabels(encodeLabels(triples)).kappa, 12);
  });

  it("gives every pair's Cohen's κ of server/quality over the items both answered", () => {
    expect(result.cohen).toHaveLength(15);
    for (const pair of result.cohen) {
      const [first, second] = [Number(pair.first.split("-")[1]), Number(pair.second.split("-")[1])];
      const shared = table[first]!.flatMap((value, item) => (value !== null && table[second]![item] !== null ? [item] : []));
      expect(pair.sharedItems).toBe(shared.length);
      const expected = computeCohenKappaFromRatings(shared.map((item) => table[first]![item]!), shared.map((item) => table[second]![item]!));
      expect(pair.value).toBeCloseTo(expected.kappa, 12);
    }
  });

  it("counts agreement with others per annotator from the signatures", () => {
    const counted = countAgreementWithOthers(signatures, 6);
    let pairs = 0;
    let agreeing = 0;
    table[0]!.forEach((value, item) => {
      if (value === null) return;
      for (const row of table.slice(1)) {
        if (row[item] === null) continue;
        pairs += 1;
        agreeing += Number(row[item] === value);
      }
    });
    const index = encoded.annotatorIds.indexOf("annotator-0");
    expect([counted.pairs[index], counted.agreeing[index]]).toEqual([pairs, agreeing]);
  });

  it("gives the same intervals whatever order the rows arrive in", () => {
    const shuffled = [...answers].reverse().map((group) => {
      const order = group.values.map((_, index) => index).reverse();
      return { ...group, queueItemIds: Int32Array.from(order, (index) => group.queueItemIds[index]!), values: order.map((index) => group.values[index]!) };
    });
    const reordered = encodeAnswers(shuffled, OPTIONS);
    expect(measureFieldAgreement(reordered, groupSignatures(reordered), { level: "nominal", minSharedItems: 10, bootstrap: BOOTSTRAP })).toEqual(result);
  });

  it("leaves pairs below the shared-item minimum without κ, and everything undefined without pairable items", () => {
    const strict = measureFieldAgreement(encoded, signatures, { level: "nominal", minSharedItems: 10_000, bootstrap: BOOTSTRAP });
    expect(strict.cohen.every((pair) => pair.value === null && pair.lower === null)).toBe(true);
    const lonely = encodeAnswers([{ fieldKey: "answer", annotatorId: "a", queueItemIds: Int32Array.from([1, 2]), values: ["yes", "no"] }], OPTIONS);
    const empty = measureFieldAgreement(lonely, groupSignatures(lonely), { level: "nominal", minSharedItems: 10, bootstrap: BOOTSTRAP });
    expect(empty).toEqual({ alpha: { value: null, lower: null, upper: null, level: "nominal", pairableItems: 0 }, fleiss: { value: null, lower: null, upper: null, ratersPerItem: null, items: 0 }, cohen: [] });
  });
});
