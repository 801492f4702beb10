import type { DayMetrics } from "./observe";
import type { Scenario } from "./scenarios";
import type { SideDetection, SimulationSummary } from "./summary";

/** One printed row: a simulated day, what was produced and labelled, the stored metrics and the alerts raised. */
export type DayRow = { day: number; date: string; outputs: number; queued: number; metrics: DayMetrics; alerts: string[] };

type Column = { title: string; width: number; cell: (row: DayRow) => string };

function fixed(value: number | null, digits: number): string {
  return value === null ? "–" : value.toFixed(digits);
}

const columns: Column[] = [
  { title: "day", width: 3, cell: (row) => String(row.day) },
  { title: "date", width: 10, cell: (row) => row.date },
  { title: "out", width: 3, cell: (row) => String(row.outputs) },
  { title: "queued", width: 6, cell: (row) => String(row.queued) },
  { title: "gold", width: 4, cell: (row) => String(row.metrics.gold) },
  { title: "H(gold)", width: 7, cell: (row) => fixed(row.metrics.goldEntropy, 2) },
  { title: "approve", width: 7, cell: (row) => fixed(row.metrics.approval, 2) },
  { title: "alpha", width: 5, cell: (row) => fixed(row.metrics.alpha, 2) },
  { title: "decoy^", width: 6, cell: (row) => fixed(row.metrics.maxDecoyAcceptance, 2) },
  { title: "sugg^", width: 5, cell: (row) => fixed(row.metrics.maxSuggestionAgreement, 2) },
  { title: "t_min", width: 5, cell: (row) => (row.metrics.minTimeOnItem === null ? "–" : `${row.metrics.minTimeOnItem.toFixed(0)}s`) },
  { title: "thumbs-", width: 7, cell: (row) => fixed(row.metrics.thumbsDown, 3) },
  { title: "H(model)", width: 8, cell: (row) => fixed(row.metrics.modelEntropy, 2) },
  { title: "len", width: 4, cell: (row) => fixed(row.metrics.inputLength, 0) },
];

function line(cells: string[]): string {
  return cells.map((cell, index) => (index < 2 ? cell.padEnd(columns[index]!.width) : cell.padStart(columns[index]!.width))).join("  ");
}

/** What the columns mean, printed once above the table. */
export const columnLegend = [
  "out: outputs produced; queued: sampled into the review queue; gold: gold labels resolved",
  "H(gold): entropy of the gold labels (bits); approve: share of answers that are `good`; alpha: Krippendorff's α",
  "decoy^ / sugg^: highest decoy acceptance / agreement with suggestions over the annotators; t_min: lowest median time on item",
  "thumbs-: thumbs-down rate; H(model): entropy of the model mix (bits); len: median input length (characters)",
].join("\n");

export function formatTableHeader(): string {
  return line(columns.map((column) => column.title)) + "  alerts raised";
}

export function formatDayRow(row: DayRow): string {
  return `${line(columns.map((column) => column.cell(row)))}  ${row.alerts.join(", ")}`.trimEnd();
}

/** The divider printed above the onset day's row. */
export function formatOnsetDivider(scenario: Scenario, onset: number): string {
  return `--- day ${onset}: onset. ${scenario.summary} ---`;
}

function describeDelay(delay: number): string {
  return delay === 1 ? "1 window" : `${delay} windows`;
}

/** The printed summary under the table: detection delay per intended detector, side detections and false alarms. */
export function formatSummary(summary: SimulationSummary & { sideDetections: SideDetection[] }): string {
  const lines = [`Summary: ${summary.scenario}, ${summary.windows} daily windows${summary.onset === null ? "" : `, onset day ${summary.onset}`}`];
  if (summary.detections.length > 0) {
    lines.push("  meant to catch it:");
    for (const { detector, window, delay } of summary.detections) {
      lines.push(`    ${detector.padEnd(22)} ${window === null ? "not detected" : `first alert day ${window}, delay ${describeDelay(delay!)}`}`);
    }
  }
  if (summary.sideDetections.length > 0) {
    lines.push("  also fired after the onset:");
    for (const { detector, window, delay } of summary.sideDetections) lines.push(`    ${detector.padEnd(22)} first alert day ${window}, delay ${describeDelay(delay)}`);
  }
  const falseAlarmRule = summary.onset === null ? "any alert in a healthy loop" : "any alert before the onset";
  lines.push(`  false alarms (${falseAlarmRule}): ${summary.false_alarms.length === 0 ? "none" : summary.false_alarms.map(({ detector, window }) => `${detector} day ${window}`).join(", ")}`);
  return lines.join("\n");
}

/** The `--json` output: exactly the summary's contract fields. */
export function formatSummaryJson(summary: SimulationSummary): string {
  const { scenario, onset, windows, detections, false_alarms } = summary;
  return JSON.stringify({ scenario, onset, windows, detections, false_alarms });
}
