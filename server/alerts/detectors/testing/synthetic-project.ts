import type { ItemClusterMoments, MetricName, MetricPoint } from "@/server/metrics/catalog";
import { computeEntropy, createRandom, type Random } from "@/server/quality";
import { drawBinomial, drawMultinomial, drawNormal } from "../sampling";

/**
 * Metric points a loop would produce, drawn from known rates with a seeded generator: the healthy loop for
 * false-alarm tests, and collapses switched on at a chosen window for detection tests and the bench.
 */
export type Collapse =
  | "label_collapse"
  | "rubber_stamp"
  | "agreement_decay"
  | "diversity_loss"
  | "input_drift"
  | "negative_signal"
  | "correction_drop"
  | "approval_saturation";

export type SyntheticProjectOptions = {
  seed: number;
  windows: number;
  queues?: number;
  annotatorsPerQueue?: number;
  /** Gold labels per queue and window, drawn uniformly in [min, max]. */
  goldPerWindow?: [number, number];
  annotationsPerGold?: number;
  outputsPerWindow?: number;
  features?: number;
  holdoutFraction?: number;
  collapses?: Partial<Record<Collapse, number>>;
  /** How many annotators per queue rubber-stamp after the onset (default 1). */
  stampers?: number;
};

const DAY_MS = 86_400_000;
export const SYNTHETIC_START = new Date("2026-06-01T00:00:00Z");
const LABEL_SHARES = [0.4, 0.3, 0.2, 0.1];
const COLLAPSED_SHARES = [0.9, 0.05, 0.03, 0.02];

export const syntheticQueueId = (queue: number): string => `00000000-0000-4000-8000-${String(queue + 1).padStart(12, "0")}`;
export const syntheticAnnotatorId = (queue: number, annotator: number): string => `annotator-${queue}-${annotator}`;

function drawCounts(random: Random, n: number, shares: readonly number[], keys: readonly string[]): Record<string, number> {
  const counts = drawMultinomial(random, n, shares, new Float64Array(shares.length));
  return Object.fromEntries(keys.map((key, index) => [key, counts[index]!]));
}

/**
 * Approval as annotators give it: an item's answers share its output, so they agree (a good output is
 * approved by most of its annotators, a bad one by few). The healthy mix approves 65 % of answers with a
 * design effect near 2 at three answers per item; saturation approves 97 %.
 */
const HEALTHY_APPROVAL = { goodShare: 0.6875, ifGood: 0.9, ifNotGood: 0.1 };
const SATURATED_APPROVAL = { goodShare: 1, ifGood: 0.97, ifNotGood: 0.97 };

/** `items` items of `perItem` answers each, every answer a success with its item's probability (drawn from the item's uniform). */
function drawItemClusters(random: Random, items: number, perItem: number, probabilityOf: (itemUniform: number) => number): { successes: number; clusters: ItemClusterMoments } {
  const clusters: ItemClusterMoments = { items, xx: 0, xn: 0, nn: 0 };
  let successes = 0;
  for (let item = 0; item < items; item += 1) {
    const x = drawBinomial(random, perItem, probabilityOf(random()));
    successes += x;
    clusters.xx += x * x;
    clusters.xn += x * perItem;
    clusters.nn += perItem * perItem;
  }
  return { successes, clusters };
}

const entropyBits = (counts: Record<string, number>): number | null => {
  const values = Object.values(counts);
  return values.some((count) => count > 0) ? computeEntropy(values).entropy / Math.LN2 : null;
};

function logNormalBins(random: Random, n: number, medianLog2: number, sdLog2: number, binCount: number): { bins: number[]; median: number } {
  const values = Array.from({ length: n }, () => Math.max(0, medianLog2 + sdLog2 * drawNormal(random)));
  values.sort((a, b) => a - b);
  const bins = new Array<number>(binCount).fill(0);
  for (const value of values) bins[Math.min(binCount - 1, Math.floor(value))]! += 1;
  const middle = n % 2 === 1 ? 2 ** values[(n - 1) / 2]! : (2 ** values[n / 2 - 1]! + 2 ** values[n / 2]!) / 2;
  return { bins, median: middle };
}

/** A project's metric points for `windows` daily windows. */
export function generateSyntheticProject(options: SyntheticProjectOptions): MetricPoint[] {
  const random = createRandom(options.seed);
  const queues = options.queues ?? 1;
  const annotators = options.annotatorsPerQueue ?? 4;
  const [goldMin, goldMax] = options.goldPerWindow ?? [30, 60];
  const perGold = options.annotationsPerGold ?? 3;
  const outputs = options.outputsPerWindow ?? 400;
  const features = options.features ?? 2;
  const holdout = options.holdoutFraction ?? 0;
  const collapses = options.collapses ?? {};
  const stampers = options.stampers ?? 1;
  const isOn = (collapse: Collapse, window: number): boolean => collapses[collapse] !== undefined && window >= collapses[collapse]!;
  const points: MetricPoint[] = [];
  const labelKeys = LABEL_SHARES.map((_, index) => `label-${index}`);
  const annotatorAgreement = Array.from({ length: queues * annotators }, () => 0.66 + 0.1 * random());
  const annotatorSpeed = Array.from({ length: queues * annotators }, () => 13.5 + random());

  for (let window = 0; window < options.windows; window += 1) {
    const windowStart = new Date(SYNTHETIC_START.getTime() + window * DAY_MS);
    const push = (metric: MetricName, queueId: string | null, subject: string, sampleSize: number, value: number | null, detail: Record<string, unknown>) =>
      points.push({ queueId, subject, metric, granularity: "day", windowStart, sampleSize, value, detail });

    for (let queue = 0; queue < queues; queue += 1) {
      const queueId = syntheticQueueId(queue);
      const gold = goldMin + Math.floor(random() * (goldMax - goldMin + 1));
      const shares = isOn("label_collapse", window) ? COLLAPSED_SHARES : LABEL_SHARES;
      const slices: Array<["" | ".holdout", number]> = holdout > 0 ? [["", gold], [".holdout", drawBinomial(random, gold, holdout)]] : [["", gold]];
      for (const [suffix, size] of slices) {
        const counts = drawCounts(random, size, shares, labelKeys);
        push(`gold.labels${suffix}` as MetricName, queueId, "", size, entropyBits(counts), { field: "verdict", counts });
        const annotations = size * perGold;
        const approval = isOn("approval_saturation", window) ? SATURATED_APPROVAL : HEALTHY_APPROVAL;
        const approved = drawItemClusters(random, size, perGold, (item) => (item < approval.goodShare ? approval.ifGood : approval.ifNotGood));
        push(`labels.approval${suffix}` as MetricName, queueId, "", annotations, annotations > 0 ? approved.successes / annotations : null, { approved: approved.successes, clusters: approved.clusters });
        const correctionRate = isOn("correction_drop", window) ? 0.08 : 0.3;
        const corrected = drawItemClusters(random, size, perGold, () => correctionRate);
        push(`corrections.rate${suffix}` as MetricName, queueId, "", annotations, annotations > 0 ? corrected.successes / annotations : null, { corrected: corrected.successes, clusters: corrected.clusters });
      }
      const alphaMean = isOn("agreement_decay", window) ? 0.4 : 0.7;
      const standardError = 0.45 / Math.sqrt(gold);
      const alpha = alphaMean + standardError * drawNormal(random);
      push("agreement.alpha", queueId, "", gold, alpha, { ci: [alpha - 1.96 * standardError, alpha + 1.96 * standardError], labels: gold * perGold });

      for (let annotator = 0; annotator < annotators; annotator += 1) {
        const index = queue * annotators + annotator;
        const subject = syntheticAnnotatorId(queue, annotator);
        const isStamping = isOn("rubber_stamp", window) && annotator < stampers;
        const annotations = drawBinomial(random, gold * perGold, 1 / annotators);
        const decoys = drawBinomial(random, annotations, 0.15);
        const accepted = drawBinomial(random, decoys, isStamping ? 0.95 : 0.1);
        push("annotator.decoy_acceptance", queueId, subject, decoys, decoys > 0 ? accepted / decoys : null, { accepted });
        const shown = annotations - decoys;
        const agreed = drawBinomial(random, shown, isStamping ? 0.99 : annotatorAgreement[index]!);
        push("annotator.suggestion_agreement", queueId, subject, shown, shown > 0 ? agreed / shown : null, { agreed });
        const time = logNormalBins(random, annotations, isStamping ? annotatorSpeed[index]! - 2.5 : annotatorSpeed[index]!, 0.8, 24);
        push("annotator.time_on_item", queueId, subject, annotations, annotations > 0 ? time.median / 1000 : null, { bins: time.bins });
        const labels = drawCounts(random, annotations, isStamping ? COLLAPSED_SHARES : LABEL_SHARES, labelKeys);
        push("annotator.labels", queueId, subject, annotations, entropyBits(labels), { field: "verdict", counts: labels });
      }
    }

    const sample = Math.min(500, outputs);
    const distinct = (isOn("diversity_loss", window) ? 0.5 : 0.62) + 0.012 * drawNormal(random);
    push("outputs.distinct2", null, "", sample, distinct, { distinct1: distinct / 2, population: outputs });
    const duplicates = drawBinomial(random, sample, isOn("diversity_loss", window) ? 0.15 : 0.03);
    push("outputs.near_duplicate_rate", null, "", sample, duplicates / sample, { duplicates, population: outputs });
    for (let feature = 0; feature < features; feature += 1) {
      const featureShares = isOn("input_drift", window) && feature === 0 ? [0.25, 0.25, 0.5] : [0.5, 0.3, 0.2];
      const counts = drawCounts(random, outputs, featureShares, ["a", "b", "c"]);
      push("inputs.feature", null, feature === 0 ? "model" : `meta:key${feature}`, outputs, entropyBits(counts), { counts });
    }
    const lengths = logNormalBins(random, outputs, isOn("input_drift", window) ? 8.6 : 8, 1, 16);
    push("inputs.length", null, "", outputs, lengths.median, { bins: lengths.bins });
    const thumbs = drawBinomial(random, outputs, isOn("negative_signal", window) ? 0.12 : 0.05);
    push("signals.thumbs_down", null, "", outputs, thumbs / outputs, { events: thumbs });
    const regenerations = drawBinomial(random, outputs, isOn("negative_signal", window) ? 0.16 : 0.08);
    push("signals.regenerate", null, "", outputs, regenerations / outputs, { events: regenerations });
  }
  return points;
}
