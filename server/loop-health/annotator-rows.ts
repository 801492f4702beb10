import type { DetectorId, DetectorSeries } from "@/server/alerts/detectors/types";
import type { MetricName, MetricPoint } from "@/server/metrics/catalog";
import { describeScope, type HealthNames } from "./scope-label";

/** The four rubber-stamp signals, each with the metric that measures it and the detector that judges it. */
const annotatorSignals = [
  { key: "decoyAcceptance", metric: "annotator.decoy_acceptance", detector: "decoy_acceptance" },
  { key: "suggestionAgreement", metric: "annotator.suggestion_agreement", detector: "suggestion_agreement" },
  { key: "timeOnItem", metric: "annotator.time_on_item", detector: "time_collapse" },
  { key: "labelEntropy", metric: "annotator.labels", detector: "annotator_entropy" },
] as const satisfies ReadonlyArray<{ key: string; metric: MetricName; detector: DetectorId }>;

type SignalKey = (typeof annotatorSignals)[number]["key"];

/** One signal of one annotator: its newest window with data, and whether its detector fires there. */
export type AnnotatorSignal = {
  windowStart: Date;
  value: number | null;
  sampleSize: number;
  isFiring: boolean;
  /** The median of the annotator's own earlier windows in range; set for time on item only. */
  baseline: number | null;
};

export type AnnotatorRow = {
  queueId: string | null;
  annotatorId: string;
  annotatorName: string;
  queueName: string;
  signals: Record<SignalKey, AnnotatorSignal | null>;
  isFiring: boolean;
};

function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

const rowKey = (queueId: string | null, subject: string) => `${queueId ?? ""}/${subject}`;

function firingWindows(series: readonly DetectorSeries[]): Set<string> {
  const firing = new Set<string>();
  for (const one of series) {
    for (const window of one.windows) {
      if (window.firing) firing.add(`${one.detector}|${rowKey(one.queueId, one.subject)}|${window.windowStart.getTime()}`);
    }
  }
  return firing;
}

function newestSignal(points: readonly MetricPoint[], isFiring: (point: MetricPoint) => boolean, hasBaseline: boolean): AnnotatorSignal | null {
  const measured = points.filter((point) => point.value !== null).sort((a, b) => a.windowStart.getTime() - b.windowStart.getTime());
  const newest = measured.at(-1);
  if (!newest) return null;
  const earlier = measured.slice(0, -1).map((point) => point.value!);
  return { windowStart: newest.windowStart, value: newest.value, sampleSize: newest.sampleSize, isFiring: isFiring(newest), baseline: hasBaseline ? median(earlier) : null };
}

/**
 * The annotator table: one row per annotator per queue, each signal read from its newest window with data.
 * Whether a signal fires is its detector's verdict on that same window, so the table and the charts agree.
 * Rows that fire come first.
 */
export function buildAnnotatorRows(points: readonly MetricPoint[], series: readonly DetectorSeries[], names: HealthNames): AnnotatorRow[] {
  const firing = firingWindows(series);
  const byRow = new Map<string, MetricPoint[]>();
  for (const point of points) {
    if (point.subject === "" || !annotatorSignals.some((signal) => signal.metric === point.metric)) continue;
    const key = rowKey(point.queueId, point.subject);
    const rowPoints = byRow.get(key);
    if (rowPoints) rowPoints.push(point);
    else byRow.set(key, [point]);
  }
  const rows = [...byRow.values()].map((rowPoints): AnnotatorRow => {
    const { queueId, subject } = rowPoints[0]!;
    const key = rowKey(queueId, subject);
    const signals = Object.fromEntries(
      annotatorSignals.map((signal) => [
        signal.key,
        newestSignal(
          rowPoints.filter((point) => point.metric === signal.metric),
          (point) => firing.has(`${signal.detector}|${key}|${point.windowStart.getTime()}`),
          signal.key === "timeOnItem",
        ),
      ]),
    ) as Record<SignalKey, AnnotatorSignal | null>;
    return {
      queueId,
      annotatorId: subject,
      annotatorName: names.people.get(subject) ?? subject,
      queueName: describeScope(names, queueId, ""),
      signals,
      isFiring: Object.values(signals).some((signal) => signal?.isFiring),
    };
  });
  return rows.sort((a, b) => Number(b.isFiring) - Number(a.isFiring) || a.annotatorName.localeCompare(b.annotatorName) || a.queueName.localeCompare(b.queueName));
}
