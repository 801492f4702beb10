/** A source of uniform numbers in [0, 1). */
export type Random = () => number;

/**
 * Creates a seeded mulberry32 generator.
 * It is tiny, has a 2^32 period and is plenty for bootstrap resampling and synthetic data; the same seed
 * always yields the same stream on every platform because it uses only 32-bit integer arithmetic.
 */
export function createRandom(seed: number): Random {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Draws an integer in [0, bound) from a uniform source. */
export function drawInteger(random: Random, bound: number): number {
  return Math.floor(random() * bound);
}
