import {
  bootstrapKrippendorffAlpha,
  computeCohenKappaFromLabels,
  computeFleissKappaFromLabels,
  computeKrippendorffAlpha,
  encodeLabelColumns,
  toReliabilityData,
  type EncodedLabels,
  type KappaWeights,
  type MeasurementLevel,
} from "@/server/quality";
import { CliUsageError, parseCommandArgs, requireFlag, type CliCommand } from "../command";
import { readLabelFile } from "../label-files";

const METRICS = ["krippendorff", "fleiss", "cohen"] as const;
const LEVELS = ["nominal", "ordinal", "interval", "ratio"] as const;
const WEIGHTS = ["none", "linear", "quadratic"] as const;

function parseChoice<const T extends string>(flag: string, value: string, choices: readonly T[]): T {
  const choice = choices.find((candidate) => candidate === value);
  if (choice === undefined) throw new CliUsageError(`unknown --${flag} "${value}"; use one of ${choices.join(", ")}`);
  return choice;
}

function parsePositiveInteger(flag: string, value: string | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed < 1) throw new CliUsageError(`--${flag} must be a positive integer`);
  return parsed;
}

type Flags = { level?: string; weights?: string; replicates?: string; seed?: string };

function describeKrippendorff(data: EncodedLabels, flags: Flags): Record<string, unknown> {
  const level: MeasurementLevel = parseChoice("level", flags.level ?? "nominal", LEVELS);
  if ((level === "interval" || level === "ratio") && !data.isNumeric) {
    throw new CliUsageError(`--level ${level} needs numeric labels`);
  }
  const reliability = toReliabilityData(data, level);
  const result = computeKrippendorffAlpha(reliability, level);
  const interval = bootstrapKrippendorffAlpha(reliability, level, {
    replicates: parsePositiveInteger("replicates", flags.replicates, 1000),
    seed: parsePositiveInteger("seed", flags.seed, 1),
  });
  return {
    level,
    value: result.alpha,
    pairableUnits: result.pairableUnits,
    observedDisagreement: result.observedDisagreement,
    expectedDisagreement: result.expectedDisagreement,
    ci: interval,
  };
}

function describeCohen(data: EncodedLabels, flags: Flags): Record<string, unknown> {
  const weights: KappaWeights = parseChoice("weights", flags.weights ?? "none", WEIGHTS);
  if (data.workerIds.length !== 2) {
    throw new CliUsageError(`--metric cohen needs exactly two workers, found ${data.workerIds.length}`);
  }
  const result = computeCohenKappaFromLabels(data, { weights });
  return {
    weights,
    scale: "ranks",
    value: result.kappa,
    pairs: result.pairs,
    workerIds: data.workerIds,
    observedDisagreement: result.observedDisagreement,
    expectedDisagreement: result.expectedDisagreement,
  };
}

function describeFleiss(data: EncodedLabels): Record<string, unknown> {
  const result = computeFleissKappaFromLabels(data);
  return {
    value: result.kappa,
    scoredUnits: result.subjects,
    observedAgreement: result.observedAgreement,
    expectedAgreement: result.expectedAgreement,
  };
}

function describeMetric(metric: (typeof METRICS)[number], data: EncodedLabels, flags: Flags): Record<string, unknown> {
  switch (metric) {
    case "krippendorff":
      return describeKrippendorff(data, flags);
    case "fleiss":
      return describeFleiss(data);
    case "cohen":
      return describeCohen(data, flags);
  }
}

/** `goldloop agreement`: inter-annotator agreement of item,worker,label answers, printed as JSON. */
export const agreementCommand: CliCommand = {
  path: ["agreement"],
  summary: "Measure inter-annotator agreement (Krippendorff's α, Fleiss' κ, Cohen's κ) as JSON",
  usage:
    "agreement --labels FILE.csv --metric krippendorff|fleiss|cohen [--level nominal|ordinal|interval|ratio] " +
    "[--weights none|linear|quadratic] [--replicates N] [--seed N]",
  async run(args, io) {
    const flags = parseCommandArgs(args, {
      labels: { type: "string" },
      metric: { type: "string" },
      level: { type: "string" },
      weights: { type: "string" },
      replicates: { type: "string" },
      seed: { type: "string" },
    });
    const labelsPath = requireFlag(flags.labels, "labels");
    const metric = parseChoice("metric", requireFlag(flags.metric, "metric"), METRICS);
    if (metric !== "krippendorff" && (flags.level ?? flags.replicates ?? flags.seed) !== undefined) {
      throw new CliUsageError("--level, --replicates and --seed apply only to --metric krippendorff");
    }
    if (metric !== "cohen" && flags.weights !== undefined) throw new CliUsageError("--weights applies only to --metric cohen");

    const data = encodeLabelColumns(await readLabelFile(labelsPath));
    const details = describeMetric(metric, data, flags);
    const report = {
      metric,
      ...details,
      units: data.itemIds.length,
      workers: data.workerIds.length,
      labels: data.items.length,
    };
    io.stdout(`${JSON.stringify(report, null, 2)}\n`);
    return 0;
  },
};
