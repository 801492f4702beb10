import { explainIdleAdaptive, formatReplayTable } from "@/server/overlap-simulation/format";
import { comparedPolicies, replayOverlap } from "@/server/overlap-simulation/replay";
import { DEFAULT_QUALITY_SETTINGS } from "@/server/queues/schema";
import { CliUsageError, parseCommandArgs, requireFlag, type CliCommand } from "../command";
import { readLabelFile, readTruthFile } from "../label-files";

const MAX_OVERLAP = 50;
const MAX_RUNS = 1_000;

function parseWholeNumber(flag: string, value: string | undefined, fallback: number, range: { min: number; max: number }): number {
  if (value === undefined) return fallback;
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed < range.min || parsed > range.max) throw new CliUsageError(`--${flag} must be a whole number from ${range.min} to ${range.max}`);
  return parsed;
}

function parseThreshold(value: string | undefined): number {
  if (value === undefined) return DEFAULT_QUALITY_SETTINGS.majorityThreshold;
  const parsed = Number(value);
  if (!Number.isFinite(parsed) || parsed <= 0.5 || parsed > 1) throw new CliUsageError("--threshold must be a number above 0.5 and at most 1");
  return parsed;
}

/** `goldloop simulate-overlap`: what fixed k, fixed K and adaptive k → K would have cost and earned on a crowd file. */
export const simulateOverlapCommand: CliCommand = {
  path: ["simulate-overlap"],
  summary: "Replay item,worker,label answers in random order: labels spent and accuracy for fixed k against adaptive overlap",
  usage: "simulate-overlap --labels FILE.csv --truth FILE.csv --min 3 --max 5 [--seed 1] [--runs 10] [--threshold 0.6]",
  async run(args, io) {
    const flags = parseCommandArgs(args, {
      labels: { type: "string" },
      truth: { type: "string" },
      min: { type: "string" },
      max: { type: "string" },
      seed: { type: "string" },
      runs: { type: "string" },
      threshold: { type: "string" },
    });
    const labelsPath = requireFlag(flags.labels, "labels");
    const truthPath = requireFlag(flags.truth, "truth");
    const min = parseWholeNumber("min", requireFlag(flags.min, "min"), 0, { min: 1, max: MAX_OVERLAP });
    const max = parseWholeNumber("max", requireFlag(flags.max, "max"), 0, { min: min, max: MAX_OVERLAP });
    const seed = parseWholeNumber("seed", flags.seed, 1, { min: 0, max: 2 ** 32 - 1 });
    const runs = parseWholeNumber("runs", flags.runs, 10, { min: 1, max: MAX_RUNS });
    const threshold = parseThreshold(flags.threshold);
    const answers = await readLabelFile(labelsPath);
    const truth = await readTruthFile(truthPath);

    const result = replayOverlap(answers, truth, { policies: comparedPolicies(min, max), threshold, seed, runs });
    io.stdout(
      `${result.items} items (${result.truthItems} with truth), ${result.labels} labels; ${runs} runs from seed ${seed}, majority threshold ${threshold}\n` +
        `Averages per run. Accuracy: majority label (ties to the lowest) against the truth; a split still short of the threshold is left for a lead.\n\n` +
        `${formatReplayTable(result)}\n`,
    );
    const idle = explainIdleAdaptive(result, { min, max, threshold });
    if (idle) io.stdout(`\n${idle}\n`);
    return 0;
  },
};
