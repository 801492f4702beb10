import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { computeAccuracy } from "./accuracy";
import { resolveDawidSkene } from "./dawid-skene";
import { encodeItemLabels, encodeLabelColumns } from "./encode";
import { computeKrippendorffAlpha } from "./krippendorff";
import { resolveMajorityVote } from "./majority-vote";
import { toReliabilityData } from "./reliability-data";
import { resolveWawa } from "./wawa";

/** Reads a fixture CSV; these files hold plain digits and ids, never quotes, so a split is enough. */
function readRows(dataset: string, file: string): string[][] {
  const text = readFileSync(new URL(`./fixtures/crowd/${dataset}/${file}`, import.meta.url), "utf8");
  return text.split(/\r?\n/).filter((line) => line !== "").slice(1).map((line) => line.split(","));
}

// fixtures/crowd/README.md: accuracies from an independent numpy port of Crowd-Kit.
const expectations = [
  { dataset: "bluebirds", mv: 0.7593, wawa: 0.7593, ds: 0.8981, iterations: 8, alpha: 0.1255 },
  { dataset: "product", mv: 0.8966, wawa: 0.8966, ds: 0.9396, iterations: 40, alpha: 0.1575 },
  { dataset: "rte", mv: 0.9187, wawa: 0.9213, ds: 0.9275, iterations: 9, alpha: 0.2415 },
  { dataset: "temp", mv: 0.9394, wawa: 0.9437, ds: 0.9416, iterations: 9, alpha: 0.2234 },
];

describe.each(expectations)("crowd dataset $dataset", ({ dataset, mv, wawa, ds, iterations, alpha }) => {
  const rows = readRows(dataset, "labels.csv");
  const truthRows = readRows(dataset, "truth.csv").map(([item, label]) => [item!, label!] as const);
  const data = encodeLabelColumns(
    { items: rows.map((row) => row[0]!), workers: rows.map((row) => row[1]!), labels: rows.map((row) => row[2]!) },
    truthRows.map(([, label]) => label),
  );
  const gold = encodeItemLabels(data, truthRows);
  const within = (actual: number, expected: number) => expect(Math.abs(actual - expected)).toBeLessThanOrEqual(0.0005);

  it("reproduces majority vote with ties to the lowest label", () => {
    within(computeAccuracy(resolveMajorityVote(data).labels, gold).accuracy, mv);
  });

  it("reproduces Wawa", () => {
    within(computeAccuracy(resolveWawa(data).labels, gold).accuracy, wawa);
  });

  it("reproduces Dawid–Skene accuracy and iteration count", () => {
    const result = resolveDawidSkene(data);
    within(computeAccuracy(result.labels, gold).accuracy, ds);
    expect(result.iterations).toBe(iterations);
    expect(result.isConverged).toBe(true);
  });

  it("reproduces nominal Krippendorff α", () => {
    within(computeKrippendorffAlpha(toReliabilityData(data, "nominal"), "nominal").alpha, alpha);
  });
});
