import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { resolveDawidSkene } from "@/server/quality/dawid-skene";
import { encodeLabelColumns } from "@/server/quality/encode";
import { decideWithModel, posteriorFromVotes, type DawidSkeneModel } from "./decide";
import { oneCoinConfusion, RELIABILITY_WITHOUT_FIT } from "./model";

function readLabels(dataset: string): string[][] {
  const text = readFileSync(new URL(`../quality/fixtures/crowd/${dataset}/labels.csv`, import.meta.url), "utf8");
  return text.split(/\r?\n/).filter((line) => line !== "").slice(1).map((line) => line.split(","));
}

function model(overrides: Partial<DawidSkeneModel>): DawidSkeneModel {
  return {
    fitId: null,
    method: "prior",
    classes: ["cat", "dog"],
    priors: [0.5, 0.5],
    confusionByAnnotator: new Map(),
    fallbackConfusion: oneCoinConfusion(2, RELIABILITY_WITHOUT_FIT),
    ...overrides,
  };
}

describe.each(["bluebirds", "temp"])("decideWithModel on the %s crowd dataset", (dataset) => {
  const rows = readLabels(dataset);
  const data = encodeLabelColumns({ items: rows.map((row) => row[0]!), workers: rows.map((row) => row[1]!), labels: rows.map((row) => row[2]!) });
  const fit = resolveDawidSkene(data);
  const classCount = data.labelIds.length;
  const fitted = model({
    fitId: 7,
    method: "dawid_skene",
    classes: [...data.labelIds],
    priors: [...fit.priors],
    confusionByAnnotator: new Map(
      data.workerIds.map((worker, w) => [
        worker,
        Array.from({ length: classCount }, (_, t) => Array.from(fit.confusion.subarray((w * classCount + t) * classCount, (w * classCount + t + 1) * classCount))),
      ]),
    ),
  });
  const votesByItem = data.itemIds.map(() => ({}) as Record<string, string>);
  for (let index = 0; index < data.items.length; index += 1) {
    votesByItem[data.items[index]!]![data.workerIds[data.workers[index]!]!] = data.labelIds[data.labels[index]!]!;
  }

  it("reproduces the fit's own item posteriors and labels", () => {
    let largestGap = 0;
    votesByItem.forEach((votes, item) => {
      const posterior = posteriorFromVotes(fitted, votes);
      posterior.forEach((p, label) => (largestGap = Math.max(largestGap, Math.abs(p - fit.posteriors[item * classCount + label]!))));
      const decision = decideWithModel(fitted, votes, 0.5);
      expect(decision.value).toBe(data.labelIds[fit.labels[item]!]);
      expect(decision.confidence).toBeCloseTo(fit.confidence[item]!, 9);
    });
    expect(largestGap).toBeLessThan(1e-9);
  });
});

describe("decideWithModel", () => {
  it("returns gold with votes, weights, posterior, fit id and model in the provenance", () => {
    const decision = decideWithModel(model({ fitId: 3, method: "dawid_skene" }), { a: "dog", b: "dog", c: "cat" }, 0.6);
    expect(decision.kind).toBe("gold");
    if (decision.kind !== "gold") return;
    expect(decision.value).toBe("dog");
    expect(decision.confidence).toBeCloseTo(0.7, 9);
    expect(decision.provenance).toEqual({
      votes: { a: "dog", b: "dog", c: "cat" },
      weights: { a: 0.7, b: 0.7, c: 0.7 },
      posterior: { cat: expect.closeTo(0.3, 9), dog: expect.closeTo(0.7, 9) },
      fitId: 3,
      model: "dawid_skene",
    });
  });

  it("leaves the item undecided below the minimum posterior, naming the leading value", () => {
    const decision = decideWithModel(model({}), { a: "dog", b: "dog", c: "cat" }, 0.9);
    expect(decision).toMatchObject({ kind: "undecided", value: "dog" });
    if (decision.kind === "undecided") expect(decision.reason).toContain("below the queue's minimum 0.9");
  });

  it("sends ties to the lowest class", () => {
    const decision = decideWithModel(model({}), { a: "dog", b: "cat" }, 0.5);
    expect(decision).toMatchObject({ kind: "gold", value: "cat", confidence: 0.5 });
  });

  it("uses a fitted annotator's matrix and the fallback for everyone else", () => {
    const expert = [
      [0.99, 0.01],
      [0.01, 0.99],
    ];
    const fitted = model({ fitId: 1, method: "dawid_skene", confusionByAnnotator: new Map([["expert", expert]]) });
    const decision = decideWithModel(fitted, { expert: "cat", newcomer1: "dog", newcomer2: "dog" }, 0.5);
    // 0.99·0.3·0.3 against 0.01·0.7·0.7: the expert outweighs two newcomers at the 0.7 fallback.
    expect(decision.value).toBe("cat");
    expect(decision.confidence).toBeCloseTo(0.0891 / (0.0891 + 0.0049), 9);
  });

  it("lets priors decide between equal evidence", () => {
    const decision = decideWithModel(model({ priors: [0.2, 0.8] }), { a: "cat", b: "dog" }, 0.5);
    expect(decision).toMatchObject({ kind: "gold", value: "dog", confidence: expect.closeTo(0.8, 9) });
  });

  it("ignores votes for values that are not options and is undecided without any usable vote", () => {
    const decision = decideWithModel(model({}), { a: "bird" }, 0.5);
    expect(decision.kind).toBe("undecided");
    if (decision.kind === "undecided") expect(decision.reason).toContain("No answer");
  });
});
