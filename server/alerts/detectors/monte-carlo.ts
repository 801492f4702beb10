import { createRandom, type Random } from "@/server/quality";
import { WINDOW_LEVEL } from "./levels";

export type Tail = "upper" | "lower";

/**
 * The null draws a window gets at most: just enough that a window none of whose draws is as extreme has a
 * p-value at or below the (Bonferroni-split) window level, 1/(B + 1) ≤ WINDOW_LEVEL / statistics. More
 * draws would only sharpen p-values of windows that are beyond anyway, and those are the expensive ones.
 */
export const maxNullDraws = (statistics: number): number => Math.round(statistics / WINDOW_LEVEL) - 1;
/**
 * Sequential stopping (Besag & Clifford 1991): once a statistic has been matched or exceeded this many
 * times its p-value is clearly large, so ordinary windows cost a few dozen draws and only extreme ones
 * the full budget.
 */
export const EXCEEDANCES_TO_STOP = 6;

/** FNV-1a over the scope and window, so a window's Monte Carlo draws repeat on every pass. */
export function seedFor(scopeKey: string, windowStart: Date): number {
  const text = `${scopeKey}@${windowStart.toISOString()}`;
  let hash = 0x811c9dc5;
  for (let index = 0; index < text.length; index += 1) {
    hash ^= text.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/**
 * Monte Carlo p-values of several statistics computed on the same null draws. Ties count as exceedances,
 * so the p-values are valid (never too small): (c + 1)/(draws + 1) at the full budget, h/L when the h-th
 * exceedance came at draw L.
 */
export function computeMonteCarloPValues(
  seed: number,
  observed: readonly number[],
  tails: readonly Tail[],
  simulate: (random: Random) => readonly number[],
): number[] {
  const random = createRandom(seed);
  const exceedances = observed.map(() => 0);
  const stoppedAt = observed.map(() => 0);
  let draws = 0;
  const budget = maxNullDraws(observed.length);
  while (draws < budget && stoppedAt.some((stop) => stop === 0)) {
    const simulated = simulate(random);
    draws += 1;
    observed.forEach((value, index) => {
      if (stoppedAt[index] !== 0) return;
      const draw = simulated[index]!;
      const tolerance = 1e-12 * Math.max(1, Math.abs(value));
      const isAsExtreme = tails[index] === "upper" ? draw >= value - tolerance : draw <= value + tolerance;
      if (isAsExtreme) exceedances[index]! += 1;
      if (exceedances[index] === EXCEEDANCES_TO_STOP) stoppedAt[index] = draws;
    });
  }
  return observed.map((_, index) =>
    stoppedAt[index] !== 0 ? EXCEEDANCES_TO_STOP / stoppedAt[index]! : (exceedances[index]! + 1) / (draws + 1),
  );
}
