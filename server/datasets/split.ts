import { createHash } from "node:crypto";
import type { SplitName } from "./schema";

/**
 * The split rule in TypeScript, the same as the SQL that freezes rows (release-queries.ts): the first 32
 * bits of md5(group key) as a fraction of 2^32, against the cumulative shares. Used by tests to check the
 * database against it, and by anyone who wants to know where a group will land before publishing.
 */
export function splitForGroup(groupKey: string, shares: { train: number; validation: number }): SplitName {
  const bucket = createHash("md5").update(groupKey, "utf8").digest().readUInt32BE(0) / 2 ** 32;
  if (bucket < shares.train) return "train";
  if (bucket < shares.train + shares.validation) return "validation";
  return "test";
}
