import { createHash } from "node:crypto";
import { createRandom, type Random } from "@/server/quality";

export type { Random };

/**
 * A seeded stream named by its parts, for example (seed, "day", 12) or (seed, annotator, externalId). Each
 * draw the simulator makes comes from the stream of what it is about, so an annotator's answer to an item
 * is the same whichever order the concurrent claims hand items out in.
 */
export function streamFor(...parts: (string | number)[]): Random {
  return createRandom(createHash("sha256").update(parts.join(":")).digest().readUInt32BE(0));
}

/** Draws an index with probability proportional to its weight. */
export function drawWeighted(random: Random, weights: readonly number[]): number {
  const total = weights.reduce((sum, weight) => sum + weight, 0);
  let remaining = random() * total;
  for (let index = 0; index < weights.length; index += 1) {
    remaining -= weights[index]!;
    if (remaining < 0) return index;
  }
  return weights.length - 1;
}

/** Draws a key of a weight table, for example a model from a model mix. */
export function drawKey<K extends string>(random: Random, weights: Readonly<Record<K, number>>): K {
  const keys = Object.keys(weights) as K[];
  return keys[drawWeighted(random, keys.map((key) => weights[key]))]!;
}

/** A log-normal draw with the given median and log-scale spread (Box–Muller on the seeded stream). */
export function drawLogNormal(random: Random, median: number, sigma: number): number {
  const normal = Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
  return median * Math.exp(sigma * normal);
}
