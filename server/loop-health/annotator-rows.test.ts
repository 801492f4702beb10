import { describe, expect, it } from "vitest";
import type { DetectorSeries } from "@/server/alerts/detectors/types";
import type { MetricPoint } from "@/server/metrics/catalog";
import { buildAnnotatorRows } from "./annotator-rows";

const at = (day: number) => new Date(Date.UTC(2026, 2, day));
const names = { queues: new Map([["q1", "Refunds"]]), people: new Map([["ana", "Ana"], ["bo", "Bo"]]) };
const point = (subject: string, metric: MetricPoint["metric"], day: number, value: number | null, sampleSize = 10): MetricPoint => ({
  queueId: "q1",
  subject,
  metric,
  granularity: "day",
  windowStart: at(day),
  sampleSize,
  value,
  detail: {},
});
const firingOn = (detector: DetectorSeries["detector"], subject: string, day: number): DetectorSeries => ({
  detector,
  granularity: "day",
  queueId: "q1",
  subject,
  scopeKey: `q1/${subject}`,
  metrics: [],
  statisticLabel: "",
  windows: [{ windowStart: at(day), sampleSize: 10, statistic: 1, band: { lower: null, upper: 0.5 }, firing: true, pValue: 0.001 }],
});

describe("annotator rows", () => {
  it("reads each signal's newest measured window, the time baseline from earlier windows, and the detector's verdict on that window", () => {
    const rows = buildAnnotatorRows(
      [
        point("ana", "annotator.time_on_item", 1, 30),
        point("ana", "annotator.time_on_item", 2, 50),
        point("ana", "annotator.time_on_item", 3, 40),
        point("ana", "annotator.time_on_item", 4, 5),
        point("ana", "annotator.time_on_item", 5, null, 0),
        point("ana", "annotator.decoy_acceptance", 4, 0.9, 12),
        point("bo", "annotator.labels", 4, 1.5),
        point("", "gold.labels", 4, 1),
      ],
      [firingOn("time_collapse", "ana", 4), firingOn("decoy_acceptance", "ana", 3)],
      names,
    );
    expect(rows.map((row) => row.annotatorName)).toEqual(["Ana", "Bo"]);
    const [ana, bo] = rows;
    expect(ana!.signals.timeOnItem).toEqual({ windowStart: at(4), value: 5, sampleSize: 10, isFiring: true, baseline: 40 });
    expect(ana!.signals.decoyAcceptance).toEqual({ windowStart: at(4), value: 0.9, sampleSize: 12, isFiring: false, baseline: null });
    expect(ana!.isFiring).toBe(true);
    expect(ana!.queueName).toBe("Refunds");
    expect(bo!.signals.labelEntropy?.value).toBe(1.5);
    expect(bo!.signals.timeOnItem).toBeNull();
    expect(bo!.isFiring).toBe(false);
  });
});
