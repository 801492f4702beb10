import { writeFile } from "node:fs/promises";
import {
  computeAccuracy,
  encodeItemLabels,
  encodeLabelColumns,
  NO_LABEL,
  resolveDawidSkene,
  resolveMajorityVote,
  resolveOneCoin,
  resolveWawa,
  type AccuracyResult,
  type EncodedLabels,
} from "@/server/quality";
import { CliUsageError, parseCommandArgs, requireFlag, type CliCommand } from "../command";
import { formatCsvRow } from "../csv";
import { readLabelFile, readTruthFile } from "../label-files";

const METHODS = ["mv", "wawa", "ds", "onecoin"] as const;
type Method = (typeof METHODS)[number];

type Resolution = { labels: Int32Array; confidence: Float64Array; iterations?: number };

function runMethod(method: Method, data: EncodedLabels): Resolution {
  switch (method) {
    case "mv":
      return resolveMajorityVote(data);
    case "wawa":
      return resolveWawa(data);
    case "ds":
      return resolveDawidSkene(data);
    case "onecoin":
      return resolveOneCoin(data);
  }
}

function parseMethod(value: string): Method {
  const method = METHODS.find((candidate) => candidate === value);
  if (method === undefined) throw new CliUsageError(`unknown --method "${value}"; use one of ${METHODS.join(", ")}`);
  return method;
}

/**
 * Accuracy on the labelled gold items. The truth file stays out of the encoding so it cannot change the
 * inference; a gold label no worker ever gave cannot be predicted and counts as wrong.
 */
function scoreAgainstTruth(data: EncodedLabels, labels: Int32Array, truth: Map<string, string>): AccuracyResult {
  const labelIds = new Set(data.labelIds);
  const itemIds = new Set(data.itemIds);
  const reachable = [...truth].filter(([, label]) => labelIds.has(label));
  const unreachable = [...truth].filter(([item, label]) => itemIds.has(item) && !labelIds.has(label)).length;
  const { correct, total } = computeAccuracy(labels, encodeItemLabels(data, reachable));
  return { accuracy: correct / (total + unreachable), correct, total: total + unreachable };
}

function formatResolution(data: EncodedLabels, resolution: Resolution): string {
  const rows = [formatCsvRow(["item", "label", "confidence"])];
  data.itemIds.forEach((item, code) => {
    const label = resolution.labels[code]!;
    rows.push(formatCsvRow([item, label === NO_LABEL ? "" : data.labelIds[label]!, resolution.confidence[code]!.toFixed(6)]));
  });
  return rows.join("");
}

/** `goldloop resolve`: infers one label per item from crowd answers and writes item,label,confidence. */
export const resolveCommand: CliCommand = {
  path: ["resolve"],
  summary: "Infer one label per item from item,worker,label answers (mv, wawa, ds, onecoin)",
  usage: "resolve --labels FILE.csv --method mv|wawa|ds|onecoin [--out FILE.csv] [--truth FILE.csv]",
  async run(args, io) {
    const flags = parseCommandArgs(args, {
      labels: { type: "string" },
      method: { type: "string" },
      out: { type: "string" },
      truth: { type: "string" },
    });
    const labelsPath = requireFlag(flags.labels, "labels");
    const method = parseMethod(requireFlag(flags.method, "method"));
    const answers = await readLabelFile(labelsPath);
    const truth = flags.truth === undefined ? undefined : await readTruthFile(flags.truth);
    const data = encodeLabelColumns(answers);
    const resolution = runMethod(method, data);
    const csv = formatResolution(data, resolution);

    const iterations = resolution.iterations === undefined ? "" : ` in ${resolution.iterations} iterations`;
    let summary = `${method}: ${data.itemIds.length} items from ${data.items.length} labels${iterations}`;
    if (truth !== undefined) {
      const { accuracy, correct, total } = scoreAgainstTruth(data, resolution.labels, truth);
      summary += `; accuracy ${accuracy.toFixed(4)} (${correct}/${total} gold items)`;
    }
    if (flags.out === undefined) {
      io.stdout(csv);
      // stdout carries only the CSV, so it can be piped; the summary goes to stderr.
      if (truth !== undefined) io.stderr(`${summary}\n`);
    } else {
      await writeFile(flags.out, csv);
      io.stdout(`${summary}; wrote ${flags.out}\n`);
    }
    return 0;
  },
};
