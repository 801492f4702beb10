import type { ItemClusterMoments, MetricPoint } from "@/server/metrics/catalog";
import { computeWilsonInterval, createBernoulliCusum } from "@/server/quality";
import { betaBinomialPmf } from "./distributions";
import { CUSUM_CAP, CUSUM_THRESHOLD, WINDOW_LEVEL, Z_CONSERVATIVE } from "./levels";
import type { Tail } from "./monte-carlo";
import type { WindowVerdict } from "./series";

/** Successes out of trials: what every share metric's point stands for. */
export type Tally = { successes: number; trials: number };

/**
 * The point's successes from `detail[key]`, else (no key, or no count there) from its value × sample size.
 * Signals need the latter: their `detail.events` counts events, several of which can land on one output.
 */
export function readTally(point: MetricPoint, key: string | null): Tally | null {
  const stored = key === null ? undefined : point.detail[key];
  const successes = typeof stored === "number" ? stored : point.value === null ? null : Math.round(point.value * point.sampleSize);
  if (successes === null || !(successes >= 0) || successes > point.sampleSize) return null;
  return { successes, trials: point.sampleSize };
}

export function sumTallies(tallies: ReadonlyArray<Tally | null>): Tally | null {
  let successes = 0;
  let trials = 0;
  for (const tally of tallies) {
    if (!tally) continue;
    successes += tally.successes;
    trials += tally.trials;
  }
  return trials > 0 ? { successes, trials } : null;
}

/** A reference share and its design effect: how many times the binomial variance its windows' shares really vary by. */
export type ClusteredReference = { tally: Tally; designEffect: number };

function readClusterMoments(point: MetricPoint): ItemClusterMoments | null {
  const moments = point.detail.clusters as Partial<ItemClusterMoments> | undefined;
  if (!moments || typeof moments !== "object") return null;
  const { items, xx, xn, nn } = moments;
  return [items, xx, xn, nn].every((value) => typeof value === "number" && Number.isFinite(value)) ? { items: items!, xx: xx!, xn: xn!, nn: nn! } : null;
}

/**
 * The design effect of clustered trials at rate p: the answers to one item share its output, so a window's
 * share varies more than a binomial of as many independent answers. Estimated over the points' items with
 * the cluster-robust (ratio-estimator) variance, deff = I/(I − 1) · Σ(x_i − p·n_i)² / (p(1 − p)·Σn_i), and
 * kept between 1 (independent) and Σn_i²/Σn_i (every item's answers identical). Points written before the
 * metric kept its moments count as independent.
 */
export function estimateDesignEffect(points: readonly MetricPoint[], rate: number): number {
  let items = 0;
  let residualSquares = 0;
  let trials = 0;
  let sizeSquares = 0;
  for (const point of points) {
    const moments = readClusterMoments(point);
    if (!moments) return 1;
    items += moments.items;
    residualSquares += moments.xx - 2 * rate * moments.xn + rate * rate * moments.nn;
    trials += point.sampleSize;
    sizeSquares += moments.nn;
  }
  if (items < 2 || trials === 0 || !(rate > 0 && rate < 1)) return 1;
  const designEffect = ((items / (items - 1)) * residualSquares) / (rate * (1 - rate) * trials);
  return Math.min(Math.max(1, sizeSquares / trials), Math.max(1, designEffect));
}

/** Pools reference windows into one share with its design effect (null when they hold nothing usable). */
export function poolClustered(points: readonly MetricPoint[], key: string): ClusteredReference | null {
  const tally = sumTallies(points.map((point) => readTally(point, key)));
  return tally ? { tally, designEffect: estimateDesignEffect(points, tally.successes / tally.trials) } : null;
}

/** A tally shrunk to its effective number of independent trials. */
export function toEffective(tally: Tally, designEffect: number): Tally {
  return { successes: tally.successes / designEffect, trials: tally.trials / designEffect };
}

/**
 * `testShare` for clustered trials: window and reference both count as their effective sizes (rounded, as
 * the beta-binomial needs whole numbers); the statistic stays the window's observed share.
 */
export function testClusteredShare(window: Tally, reference: ClusteredReference, tails: readonly Tail[]): WindowVerdict {
  const round = ({ successes, trials }: Tally): Tally => {
    const roundedTrials = Math.max(1, Math.round(trials));
    return { successes: Math.min(roundedTrials, Math.round(successes)), trials: roundedTrials };
  };
  const verdict = testShare(round(toEffective(window, reference.designEffect)), round(toEffective(reference.tally, reference.designEffect)), tails);
  return { ...verdict, statistic: window.successes / window.trials };
}

/**
 * Tests a window's share against a reference share with the beta-binomial posterior predictive null (the
 * binomial at this window's n, widened by the reference's sampling noise). The band holds the shares this
 * n cannot exceed (or undercut) without a p-value at most `level`: the statistic fires strictly outside it.
 */
export function testShare(window: Tally, reference: Tally, tails: readonly Tail[], level = WINDOW_LEVEL): WindowVerdict {
  const n = window.trials;
  const pmf = betaBinomialPmf(n, reference.successes, reference.trials);
  const upperTail = new Float64Array(n + 2);
  for (let k = n; k >= 0; k -= 1) upperTail[k] = upperTail[k + 1]! + pmf[k]!;
  const lowerTail = (k: number): number => 1 - upperTail[k + 1]!;
  const perTail = level / tails.length;
  const band: WindowVerdict["band"] = { lower: null, upper: null };
  const pValues: number[] = [];
  if (tails.includes("upper")) {
    let first = n + 1;
    while (first > 0 && upperTail[first - 1]! <= perTail) first -= 1;
    band.upper = Math.min(1, (first - 1) / n);
    pValues.push(Math.min(1, upperTail[window.successes]!));
  }
  if (tails.includes("lower")) {
    let last = -1;
    while (last < n && lowerTail(last + 1) <= perTail) last += 1;
    band.lower = Math.max(0, (last + 1) / n);
    pValues.push(Math.min(1, lowerTail(window.successes)));
  }
  const pValue = Math.min(1, tails.length * Math.min(...pValues));
  return { statistic: window.successes / n, band, pValue };
}

/** The in-control rate a CUSUM starts from: the reference's Wilson bound on the side it watches, so reference noise cannot drive it. */
export function conservativeRate(reference: Tally, direction: "rise" | "fall"): number {
  const interval = computeWilsonInterval(reference.successes, reference.trials, Z_CONSERVATIVE);
  const bound = direction === "rise" ? interval.upper : interval.lower;
  return Math.min(0.98, Math.max(0.001, bound));
}

/**
 * A Bernoulli CUSUM fed one window at a time: each window adds the binomial log-likelihood ratio
 * x·ln(p1/p0) + (n − x)·ln((1 − p1)/(1 − p0)) of its tally. It alarms while the statistic exceeds h and is
 * capped at 2h instead of restarting, so a sustained shift keeps firing and a recovery clears soon.
 */
export function runBinomialCusum(tallies: ReadonlyArray<Tally | null>, p0: number, p1: number): { statistics: (number | null)[]; alarms: boolean[] } {
  const { params } = createBernoulliCusum({ p0, p1, threshold: CUSUM_THRESHOLD });
  const successStep = Math.log(params.p1 / params.p0);
  const failureStep = Math.log((1 - params.p1) / (1 - params.p0));
  let statistic = 0;
  const statistics: (number | null)[] = [];
  const alarms: boolean[] = [];
  for (const tally of tallies) {
    if (!tally) {
      statistics.push(null);
      alarms.push(false);
      continue;
    }
    const increment = tally.successes * successStep + (tally.trials - tally.successes) * failureStep;
    statistic = Math.min(CUSUM_CAP, Math.max(0, statistic + increment));
    statistics.push(statistic);
    alarms.push(statistic > params.threshold);
  }
  return { statistics, alarms };
}

/** Runs a binomial CUSUM over the monitored windows of a judged series; the alarms line up with its windows. */
export function monitorWithCusum(
  tallies: ReadonlyArray<Tally | null>,
  isMonitored: readonly boolean[],
  p0: number,
  p1: number,
): { statistics: (number | null)[]; alarms: boolean[] } {
  return runBinomialCusum(
    tallies.map((tally, index) => (isMonitored[index] ? tally : null)),
    p0,
    p1,
  );
}
