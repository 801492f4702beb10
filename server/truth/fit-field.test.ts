import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { encodeLabelColumns } from "@/server/quality/encode";
import { chooseFitMethod, fitField } from "./fit-field";

function readColumns(dataset: string) {
  const text = readFileSync(new URL(`../quality/fixtures/crowd/${dataset}/labels.csv`, import.meta.url), "utf8");
  const rows = text.split(/\r?\n/).filter((line) => line !== "").slice(1).map((line) => line.split(","));
  return { items: rows.map((row) => row[0]!), workers: rows.map((row) => row[1]!), labels: rows.map((row) => row[2]!) };
}

describe("chooseFitMethod", () => {
  it.each(["bluebirds", "product", "rte", "temp"])("fits the %s crowd dataset with full Dawid–Skene", (dataset) => {
    expect(chooseFitMethod(encodeLabelColumns(readColumns(dataset)))).toBe("dawid_skene");
  });

  it("uses one-coin when the median annotator gave fewer than 2·K² answers, or there is one annotator", () => {
    const columns = (answersEach: number, annotators: number) => ({
      items: Array.from({ length: answersEach * annotators }, (_, index) => `item-${index % answersEach}`),
      workers: Array.from({ length: answersEach * annotators }, (_, index) => `worker-${Math.floor(index / answersEach)}`),
      labels: Array.from({ length: answersEach * annotators }, (_, index) => ["a", "b", "c"][index % 3]!),
    });
    // Three classes: the bar is 18 answers.
    expect(chooseFitMethod(encodeLabelColumns(columns(17, 3)))).toBe("one_coin");
    expect(chooseFitMethod(encodeLabelColumns(columns(18, 3)))).toBe("dawid_skene");
    expect(chooseFitMethod(encodeLabelColumns(columns(100, 1)))).toBe("one_coin");
  });
});

describe("fitField", () => {
  it("reports each annotator's matrix (rows sum to 1), answer count and reliability Σ prior·diagonal", () => {
    const data = encodeLabelColumns(readColumns("bluebirds"));
    const fit = fitField(data, new Int32Array(data.itemIds.length).fill(-1));
    expect(fit.annotators).toHaveLength(39);
    for (const annotator of fit.annotators) {
      expect(annotator.labelCount).toBe(108);
      for (const row of annotator.confusion) expect(row.reduce((sum, p) => sum + p, 0)).toBeCloseTo(1, 9);
      expect(annotator.reliability).toBeCloseTo(fit.result.priors[0]! * annotator.confusion[0]![0]! + fit.result.priors[1]! * annotator.confusion[1]![1]!, 12);
    }
  });
});
