import type { SamplingRule } from "@/server/queues/schema";

/**
 * The rates a queue samples one UTC day at, fixed from the days before it. Because nothing that happens on
 * the day changes them, an output's π is a function of its day and its own signals only: draws replayed at
 * ingest, on a late signal or in a backfill agree, and the recorded π is the true inclusion probability.
 */
export type DayPlan = {
  /** The rate of a stratum the history has not seen. */
  defaultRate: number;
  stratumRates: Readonly<Record<string, number>>;
  /** Items the plan expects in a day of the history's average volume (rule draws and holdout). */
  expectedItems: number;
  limitedBy: "budget" | "pending_cap" | null;
};

/** Outputs of one stratum over the history's days: all of them, those passing the signal filter, and those of these that are prioritised. */
export type StratumVolume = { stratum: string; outputs: number; eligible: number; prioritized: number };
export type DayHistory = { days: number; strata: readonly StratumVolume[] };

type RuleRates = Pick<SamplingRule, "rate" | "quotaPerDay" | "priorityMultiplier" | "explorationFloor" | "dailyBudget" | "maxPending">;

/** P(the main draw takes the output): its rate, multiplied when prioritised, zero outside the signal filter, never below ε. */
export function mainProbability(rule: Pick<SamplingRule, "priorityMultiplier" | "explorationFloor">, rate: number, isEligible: boolean, isPrioritized: boolean): number {
  const boosted = !isEligible ? 0 : isPrioritized ? Math.min(1, rate * rule.priorityMultiplier) : rate;
  return Math.max(rule.explorationFloor, boosted);
}

/**
 * π = P(main or holdout) for independent draws: 1 − (1 − π_main)(1 − h), written so that h = 0 gives π_main
 * and π_main = 1 gives 1 exactly.
 */
export function inclusionProbability(mainProbabilityValue: number, holdoutFraction: number): number {
  if (holdoutFraction <= 0) return mainProbabilityValue;
  if (mainProbabilityValue <= 0) return holdoutFraction;
  return 1 - (1 - mainProbabilityValue) * (1 - holdoutFraction);
}

/** Expected items a day from one stratum at rate x: every output's π summed over an average day. */
function expectedFromStratum(rule: RuleRates, volume: StratumVolume, days: number, rate: number, holdoutFraction: number): number {
  const normal = (volume.eligible - volume.prioritized) / days;
  const prioritized = volume.prioritized / days;
  const ineligible = (volume.outputs - volume.eligible) / days;
  const pi = (isEligible: boolean, isPrioritized: boolean) => inclusionProbability(mainProbability(rule, rate, isEligible, isPrioritized), holdoutFraction);
  return normal * pi(true, false) + prioritized * pi(true, true) + ineligible * pi(false, false);
}

/**
 * Bisection for a non-decreasing f on [low, high] with f(low) < target ≤ f(high): the final bracket
 * [below, atLeast] has f(below) < target ≤ f(atLeast) and is 2^-60 of the start wide.
 */
function bracketTarget(f: (x: number) => number, target: number, low: number, high: number): { below: number; atLeast: number } {
  let [below, atLeast] = [low, high];
  for (let step = 0; step < 60; step += 1) {
    const mid = (below + atLeast) / 2;
    if (f(mid) >= target) atLeast = mid;
    else below = mid;
  }
  return { below, atLeast };
}

/**
 * Plans one day from the history's average daily volume per stratum:
 * 1. each stratum starts at the base rate, raised until it expects `quotaPerDay` items (at most rate 1);
 * 2. the allowance is the budget, and the room under the pending cap (cap − pending now); a queue at its
 *    cap samples at 0 (so at ε) all day;
 * 3. when the strata expect more than the allowance, every rate is scaled by one factor k so they expect
 *    exactly the allowance (ε and the holdout still apply, so the allowance may be unreachable).
 * Without history (a queue's first day) strata get the base rate and the plan cannot be limited.
 */
export function planDay(rule: RuleRates, holdoutFraction: number, history: DayHistory, pendingItems: number): DayPlan {
  const days = Math.max(history.days, 1);
  const quotaRate = (volume: StratumVolume) => {
    const expected = (x: number) => expectedFromStratum(rule, volume, days, x, holdoutFraction);
    if (rule.quotaPerDay === null || volume.eligible === 0 || expected(rule.rate) >= rule.quotaPerDay) return rule.rate;
    if (expected(1) <= rule.quotaPerDay) return 1;
    return bracketTarget(expected, rule.quotaPerDay, rule.rate, 1).atLeast;
  };
  const rates = new Map(history.strata.map((volume) => [volume.stratum, quotaRate(volume)]));
  const expectedAt = (scale: number) =>
    history.strata.reduce((sum, volume) => sum + expectedFromStratum(rule, volume, days, scale * rates.get(volume.stratum)!, holdoutFraction), 0);

  const room = rule.maxPending === null ? Infinity : rule.maxPending - pendingItems;
  const allowance = Math.min(rule.dailyBudget ?? Infinity, room);
  let scale = 1;
  let limitedBy: DayPlan["limitedBy"] = null;
  if (room <= 0) {
    scale = 0;
    limitedBy = "pending_cap";
  } else if (expectedAt(1) > allowance) {
    // The largest k that stays within the allowance; when even k = 0 (ε and holdout alone) exceeds it, k = 0.
    scale = expectedAt(0) >= allowance ? 0 : bracketTarget(expectedAt, allowance, 0, 1).below;
    limitedBy = allowance === room ? "pending_cap" : "budget";
  }
  const stratumRates = Object.fromEntries([...rates].map(([stratum, rate]) => [stratum, scale * rate]));
  return { defaultRate: scale * rule.rate, stratumRates, expectedItems: expectedAt(scale), limitedBy };
}

/** The rate a plan gives a stratum. */
export function rateForStratum(plan: DayPlan, stratum: string): number {
  return plan.stratumRates[stratum] ?? plan.defaultRate;
}
