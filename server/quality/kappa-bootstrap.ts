import { drawMultinomial } from "./binomial";
import { computeCohenKappa } from "./cohen";
import { summariseBootstrap, type BootstrapInterval, type BootstrapOptions } from "./krippendorff";
import { createRandom, drawInteger, type Random } from "./random";

/**
 * Bootstrap building blocks for κ over encoded data. Fleiss' and Cohen's κ depend on a unit only through
 * its class (a subject's count profile, a rated pair's table cell), so a replicate draws how often each
 * class is resampled and computes κ from those tallies: no per-unit arithmetic.
 */

/** Draws `classOf.length` units with replacement and counts how often each class was drawn. */
function drawClassTallies(classOf: Int32Array, tallies: Float64Array, random: Random): void {
  tallies.fill(0);
  for (let draw = 0; draw < classOf.length; draw += 1) tallies[classOf[drawInteger(random, classOf.length)]!]! += 1;
}

/**
 * Resamples units with replacement and tallies their classes. With few classes for many units it draws the
 * tallies as one multinomial (a binomial per class, a few uniforms each) instead of a uniform per unit: the
 * same distribution, and a 100k-item resample costs thousands of draws instead of 100k.
 */
export function createClassResampler(classOf: Int32Array, classCount: number): (random: Random, tallies: Float64Array) => void {
  const classSizes = new Float64Array(classCount);
  for (const unitClass of classOf) classSizes[unitClass]! += 1;
  if (classCount * 8 <= classOf.length) return (random, tallies) => drawMultinomial(random, classSizes, tallies);
  return (random, tallies) => drawClassTallies(classOf, tallies, random);
}

function runReplicates(classOf: Int32Array, classCount: number, options: BootstrapOptions, estimate: (tallies: Float64Array) => number): BootstrapInterval {
  const replicates = options.replicates ?? 1000;
  const confidence = options.confidence ?? 0.95;
  const seed = options.seed ?? 1;
  const random = createRandom(seed);
  const resample = createClassResampler(classOf, classCount);
  const tallies = new Float64Array(classCount);
  const estimates: number[] = [];
  for (let replicate = 0; replicate < replicates; replicate += 1) {
    resample(random, tallies);
    const value = estimate(tallies);
    if (!Number.isNaN(value)) estimates.push(value);
  }
  return summariseBootstrap(estimates, confidence, replicates, seed);
}

/**
 * Fleiss' κ of subjects given as count profiles (how many raters chose each category), profile p counted
 * `weights[p]` times: the pooled-shares formula of `computeFleissKappa`. Profiles need at least two ratings.
 */
export function fleissFromProfiles(profiles: Int32Array[], weights: Float64Array, categoryCount: number): number {
  const shares = new Float64Array(categoryCount);
  let agreementSum = 0;
  let subjects = 0;
  let ratings = 0;
  profiles.forEach((profile, id) => {
    const weight = weights[id]!;
    if (weight === 0) return;
    let raters = 0;
    let agreeingPairs = 0;
    for (let category = 0; category < categoryCount; category += 1) {
      raters += profile[category]!;
      agreeingPairs += profile[category]! * (profile[category]! - 1);
      shares[category]! += weight * profile[category]!;
    }
    agreementSum += (weight * agreeingPairs) / (raters * (raters - 1));
    subjects += weight;
    ratings += weight * raters;
  });
  let expected = 0;
  for (const share of shares) expected += (share / ratings) ** 2;
  return expected < 1 ? (agreementSum / subjects - expected) / (1 - expected) : Number.NaN;
}

/** Unweighted Cohen's κ of a levels × levels table of (weighted) counts, row-major. */
export function cohenFromCells(cells: Float64Array, levelCount: number): number {
  const table = Array.from({ length: levelCount }, (_, row) => Array.from(cells.subarray(row * levelCount, (row + 1) * levelCount)));
  return computeCohenKappa(table).kappa;
}

/**
 * Unweighted Cohen's κ of two raters' codes on the same subjects (`first[i]`, `second[i]` in
 * [0, levelCount)) and a bootstrap interval resampling subjects.
 */
export function bootstrapCohenKappa(first: Int32Array, second: Int32Array, levelCount: number, options: BootstrapOptions = {}): { kappa: number; interval: BootstrapInterval } {
  if (first.length !== second.length) throw new RangeError("both raters need one code per subject");
  const cellOf = new Int32Array(first.length);
  const observed = new Float64Array(levelCount * levelCount);
  for (let subject = 0; subject < first.length; subject += 1) {
    cellOf[subject] = first[subject]! * levelCount + second[subject]!;
    observed[cellOf[subject]!]! += 1;
  }
  return {
    kappa: first.length > 0 ? cohenFromCells(observed, levelCount) : Number.NaN,
    interval: runReplicates(cellOf, levelCount * levelCount, options, (tallies) => cohenFromCells(tallies, levelCount)),
  };
}
