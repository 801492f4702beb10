import type { Kysely } from "kysely";
import type { DB } from "@/db/types";
import type { MetricName, MetricPoint } from "@/server/metrics/catalog";
import { readMetricPoints } from "@/server/metrics/queries";

/** The metric points of one simulated day that the printed table shows, as Goldloop stored them. */
export type DayMetrics = {
  gold: number;
  /** Bits. */
  goldEntropy: number | null;
  approval: number | null;
  alpha: number | null;
  /** Highest over the annotators with decoys that day: one rubber-stamper is enough to matter. */
  maxDecoyAcceptance: number | null;
  maxSuggestionAgreement: number | null;
  /** Lowest median time on item over the annotators, seconds. */
  minTimeOnItem: number | null;
  thumbsDown: number | null;
  /** Entropy of the model mix, bits. */
  modelEntropy: number | null;
  /** Median input length, characters. */
  inputLength: number | null;
};

const shownMetrics: MetricName[] = [
  "gold.labels",
  "labels.approval",
  "agreement.alpha",
  "annotator.decoy_acceptance",
  "annotator.suggestion_agreement",
  "annotator.time_on_item",
  "signals.thumbs_down",
  "inputs.feature",
  "inputs.length",
];

function pick(points: readonly MetricPoint[], metric: MetricName, filter: (point: MetricPoint) => boolean = () => true): MetricPoint[] {
  return points.filter((point) => point.metric === metric && point.value !== null && filter(point));
}

function extreme(points: readonly MetricPoint[], choose: (a: number, b: number) => number): number | null {
  return points.length === 0 ? null : points.map((point) => point.value!).reduce((a, b) => choose(a, b));
}

/** Reads the day's stored points for the simulated queue and project. */
export async function readDayMetrics(db: Kysely<DB>, params: { projectId: string; queueId: string; windowStart: Date; windowEnd: Date }): Promise<DayMetrics> {
  const points = (await readMetricPoints(db, params.projectId, { granularity: "day", since: params.windowStart, until: params.windowEnd, metrics: shownMetrics })).filter(
    (point) => point.queueId === null || point.queueId === params.queueId,
  );
  const whole = (metric: MetricName) => pick(points, metric, (point) => point.subject === "")[0];
  const gold = whole("gold.labels");
  return {
    gold: gold?.sampleSize ?? 0,
    goldEntropy: gold?.value ?? null,
    approval: whole("labels.approval")?.value ?? null,
    alpha: whole("agreement.alpha")?.value ?? null,
    maxDecoyAcceptance: extreme(pick(points, "annotator.decoy_acceptance", (point) => point.sampleSize > 0), Math.max),
    maxSuggestionAgreement: extreme(pick(points, "annotator.suggestion_agreement", (point) => point.sampleSize > 0), Math.max),
    minTimeOnItem: extreme(pick(points, "annotator.time_on_item", (point) => point.sampleSize > 0), Math.min),
    thumbsDown: whole("signals.thumbs_down")?.value ?? null,
    modelEntropy: pick(points, "inputs.feature", (point) => point.subject === "model")[0]?.value ?? null,
    inputLength: whole("inputs.length")?.value ?? null,
  };
}
