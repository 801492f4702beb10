import { describe, expect, it } from "vitest";
import { locateCrowdFixture, runCliCaptured, writeTempFile } from "../test-support";

function writeLabels(rows: Array<[string, string, string]>): string {
  return writeTempFile("labels.csv", ["item,worker,label", ...rows.map((row) => row.join(","))].join("\n"));
}

const rater2 = "3 6 4 6 2 4 2 4 3 3 2 3 3 3 2 2 1 3 3 4".split(" ");
const rater3 = "2 1 4 4 3 2 1 6 1 1 1 2 3 3 1 1 3 3 2 2".split(" ");
const anxiety = writeLabels(
  rater2.flatMap((rating, subject): Array<[string, string, string]> => [
    [`s${subject}`, "r2", rating],
    [`s${subject}`, "r3", rater3[subject]!],
  ]),
);

describe("goldloop agreement", () => {
  it("prints Krippendorff's α with a reproducible bootstrap interval", async () => {
    const argv = ["agreement", "--labels", locateCrowdFixture("rte", "labels.csv"), "--metric", "krippendorff", "--replicates", "200", "--seed", "3"];
    const { code, stdout } = await runCliCaptured(argv);
    expect(code).toBe(0);
    const report = JSON.parse(stdout);
    expect(report).toMatchObject({ metric: "krippendorff", level: "nominal", units: 800, pairableUnits: 800, workers: 164, labels: 8000 });
    expect(report.value).toBeCloseTo(0.2415, 4);
    expect(report.ci).toMatchObject({ confidence: 0.95, replicates: 200, seed: 3 });
    expect(report.ci.lower).toBeLessThan(report.value);
    expect(report.ci.upper).toBeGreaterThan(report.value);
    expect((await runCliCaptured(argv)).stdout).toBe(stdout);
  });

  it("supports the ordinal and interval levels", async () => {
    const { code, stdout } = await runCliCaptured(["agreement", "--labels", anxiety, "--metric", "krippendorff", "--level", "interval", "--replicates", "50"]);
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toMatchObject({ level: "interval", units: 20, workers: 2 });
  });

  it("prints Fleiss' κ", async () => {
    const patients = "444444 222555 233335 555555 222444 113333 333355 113334 114444 555555 144444 124444 222333 144444 224445 333335 111455 111112 224444 133555 555555 244444 224555 114444 144445 222224 111155 224444 133333 555555".split(" ");
    const labels = writeLabels(patients.flatMap((ratings, patient) => [...ratings].map((label, rater): [string, string, string] => [`p${patient}`, `r${rater}`, label])));
    const { code, stdout } = await runCliCaptured(["agreement", "--labels", labels, "--metric", "fleiss"]);
    expect(code).toBe(0);
    const report = JSON.parse(stdout);
    expect(report).toMatchObject({ metric: "fleiss", units: 30, scoredUnits: 30, workers: 6, labels: 180 });
    expect(report.value).toBeCloseTo(0.4302445, 7);
  });

  it("prints Cohen's κ for exactly two workers", async () => {
    const { code, stdout } = await runCliCaptured(["agreement", "--labels", anxiety, "--metric", "cohen", "--weights", "linear"]);
    expect(code).toBe(0);
    const report = JSON.parse(stdout);
    expect(report).toMatchObject({ metric: "cohen", weights: "linear", pairs: 20, workers: 2, workerIds: ["r2", "r3"] });
    expect(report.value).toBeCloseTo(0.1459075, 7);
  });

  it.each([
    [["--metric", "cohen"], "--metric cohen needs exactly two workers, found 164"],
    [["--metric", "kappa"], 'unknown --metric "kappa"; use one of krippendorff, fleiss, cohen'],
    [["--metric", "krippendorff", "--level", "fancy"], 'unknown --level "fancy"; use one of nominal, ordinal, interval, ratio'],
    [["--metric", "fleiss", "--level", "ordinal"], "--level, --replicates and --seed apply only to --metric krippendorff"],
    [["--metric", "krippendorff", "--weights", "linear"], "--weights applies only to --metric cohen"],
    [["--metric", "krippendorff", "--replicates", "0"], "--replicates must be a positive integer"],
  ])("rejects %j with exit code 2", async (flags, message) => {
    const { code, stderr } = await runCliCaptured(["agreement", "--labels", locateCrowdFixture("rte", "labels.csv"), ...flags]);
    expect(code).toBe(2);
    expect(stderr).toBe(`goldloop agreement: ${message}\n`);
  });

  it("needs numeric labels for the interval level", async () => {
    const labels = writeLabels([["a", "w1", "low"], ["a", "w2", "high"]]);
    const { code, stderr } = await runCliCaptured(["agreement", "--labels", labels, "--metric", "krippendorff", "--level", "interval"]);
    expect(code).toBe(2);
    expect(stderr).toBe("goldloop agreement: --level interval needs numeric labels\n");
  });

  it("reports input file errors with the line number", async () => {
    const labels = writeTempFile("labels.csv", "item,worker,label\na,w,1\na,w,2\n");
    const { code, stderr } = await runCliCaptured(["agreement", "--labels", labels, "--metric", "fleiss"]);
    expect(code).toBe(2);
    expect(stderr).toContain('line 3: worker "w" already labelled item "a" on line 2');
  });
});
