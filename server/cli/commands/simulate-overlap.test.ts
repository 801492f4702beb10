import { describe, expect, it } from "vitest";
import { locateCrowdFixture, runCliCaptured, writeTempFile } from "../test-support";

const tempLabels = locateCrowdFixture("temp", "labels.csv");
const tempTruth = locateCrowdFixture("temp", "truth.csv");

describe("goldloop simulate-overlap", () => {
  it("prints labels spent and accuracy for fixed k, fixed K and adaptive overlap", async () => {
    const { code, stdout, stderr } = await runCliCaptured(["simulate-overlap", "--labels", tempLabels, "--truth", tempTruth, "--min", "3", "--max", "5", "--threshold", "0.7", "--runs", "3"]);
    expect(stderr).toBe("");
    expect(code).toBe(0);
    const lines = stdout.split("\n");
    expect(lines[0]).toBe("462 items (462 with truth), 4620 labels; 3 runs from seed 1, majority threshold 0.7");
    const rows = Object.fromEntries(
      lines
        .filter((line) => /^(fixed|adaptive)/.test(line))
        .map((line) => {
          const cells = line.split(/\s{2,}/);
          return [cells[0], { labels: Number(cells[1]), accuracy: Number(cells[3]), leftForLead: Number(cells[4]) }];
        }),
    );
    expect(rows["fixed k=3"]!.labels).toBe(1386);
    expect(rows["fixed k=5"]!.labels).toBe(2310);
    // With two classes, stopping once the vote is decided never changes the majority of the first five.
    expect(rows["adaptive 3→5"]!.accuracy).toBe(rows["fixed k=5"]!.accuracy);
    expect(rows["adaptive 3→5"]!.labels).toBeGreaterThan(1386);
    expect(rows["adaptive 3→5"]!.labels).toBeLessThan(2310);
    expect(rows["adaptive 3→5"]!.leftForLead).toBeLessThan(rows["fixed k=5"]!.leftForLead);
  });

  it("gives the same figures for the same seed", async () => {
    const args = ["simulate-overlap", "--labels", tempLabels, "--truth", tempTruth, "--min", "2", "--max", "4", "--runs", "2", "--seed", "9"];
    const first = await runCliCaptured(args);
    expect(first.code).toBe(0);
    expect((await runCliCaptured(args)).stdout).toBe(first.stdout);
  });

  it.each([
    [["--min", "4", "--max", "3"], "--max must be a whole number from 4 to 50"],
    [["--min", "0", "--max", "3"], "--min must be a whole number from 1 to 50"],
    [["--min", "3", "--max", "5", "--threshold", "0.5"], "--threshold must be a number above 0.5 and at most 1"],
    [["--min", "3", "--max", "5", "--runs", "two"], "--runs must be a whole number from 1 to 1000"],
    [["--max", "5"], "missing required flag --min"],
  ])("rejects %j with exit code 2", async (extra, message) => {
    const { code, stdout, stderr } = await runCliCaptured(["simulate-overlap", "--labels", tempLabels, "--truth", tempTruth, ...extra]);
    expect(code).toBe(2);
    expect(stdout).toBe("");
    expect(stderr).toContain(message);
  });

  it("names the line of a broken labels file", async () => {
    const labels = writeTempFile("labels.csv", "item,worker,label\na,w,1\na,w,0\n");
    const { code, stderr } = await runCliCaptured(["simulate-overlap", "--labels", labels, "--truth", tempTruth, "--min", "1", "--max", "2"]);
    expect(code).toBe(2);
    expect(stderr).toContain('line 3: worker "w" already labelled item "a" on line 2');
  });
});
