import type { DetectorId, DetectorWindow } from "./detectors/types";
import { metricTitleOf } from "./metric-scope";
import type { WatchedSeries } from "./watched-series";

/** What a title needs besides the series: names to show and, for label detectors, how many labels were left. */
export type TitleContext = { queueName: string | null; distinctLabels: number | null };

/** Numbers as people read them: up to 3 significant digits, no trailing zeros. */
export function formatNumber(value: number): string {
  if (Number.isInteger(value)) return String(value);
  return String(Number(value.toPrecision(3)));
}

/** The null band in words: where the statistic is expected to stay. */
export function describeBand(band: DetectorWindow["band"]): string | null {
  if (band.lower !== null && band.upper !== null) return `${formatNumber(band.lower)}–${formatNumber(band.upper)}`;
  if (band.lower !== null) return `≥ ${formatNumber(band.lower)}`;
  if (band.upper !== null) return `≤ ${formatNumber(band.upper)}`;
  return null;
}

/** "entropy, bits" and 0.12 read "entropy 0.12 bits"; a label without a unit reads "JSD vs reference 0.3". */
function describeStatistic(label: string, statistic: string): string {
  const [name, unit] = label.split(", ", 2);
  return unit ? `${name} ${statistic} ${unit}` : `${label} ${statistic}`;
}

const labelsLeft = (count: number | null) => (count === null ? "" : ` to ${count} label${count === 1 ? "" : "s"}`);

/** The sentence of each detector; people are never named in titles (they travel in webhooks). */
const detectorPhrases: Record<DetectorId, (where: string, series: WatchedSeries, context: TitleContext) => string> = {
  label_collapse: (where, _, context) => `Gold labels in ${where} collapsed${labelsLeft(context.distinctLabels)}`,
  approval_saturation: (where) => `Approvals in ${where} are saturating`,
  decoy_acceptance: (where) => `An annotator in ${where} is accepting decoys`,
  suggestion_agreement: (where) => `An annotator in ${where} keeps nearly every suggestion`,
  time_collapse: (where) => `An annotator's time on item in ${where} collapsed`,
  annotator_entropy: (where, _, context) => `An annotator's labels in ${where} narrowed${labelsLeft(context.distinctLabels)}`,
  agreement_decay: (where) => `Agreement in ${where} is decaying`,
  diversity_loss: () => "Model outputs are losing diversity",
  input_drift: (_, series) => `Inputs drifted on ${series.subject || "their length"}`,
  negative_signal_trend: () => "Negative user signals are trending up",
  correction_rate_trend: (where) => `The correction rate in ${where} shifted`,
};

const isDetectorId = (detector: string): detector is DetectorId => Object.hasOwn(detectorPhrases, detector);

/**
 * The alert's title, one human sentence with the figure that fired and what was expected, e.g. "Gold
 * labels in 'Support replies' collapsed to 1 label (entropy 0.12 bits, null band ≥ 0.85)".
 */
export function alertTitle(series: WatchedSeries, window: DetectorWindow, context: TitleContext): string {
  const where = context.queueName === null ? "the project" : `'${context.queueName}'`;
  const statistic = window.statistic === null ? "no value" : formatNumber(window.statistic);
  if (series.rule) {
    const rule = series.rule;
    const scope = series.subject && series.subjectKind === "feature" ? `${where} (${series.subject})` : where;
    const sustained = rule.sustainedWindows === 1 ? "" : ` for ${rule.sustainedWindows} ${series.rule.granularity}s`;
    return `Rule '${rule.name}': ${metricTitleOf(rule.metric)} in ${scope} is ${rule.comparator} ${formatNumber(rule.threshold)}${sustained} (latest ${statistic})`;
  }
  const phrase = isDetectorId(series.detector) ? detectorPhrases[series.detector](where, series, context) : `${series.definition?.title ?? series.detector} fired in ${where}`;
  const band = describeBand(window.band);
  return `${phrase} (${describeStatistic(series.statisticLabel, statistic)}${band ? `, null band ${band}` : ""})`;
}
