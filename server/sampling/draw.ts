import { createHash } from "node:crypto";

/**
 * The deterministic draw that decides whether a queue takes an output: the first 8 bytes of
 * sha256(`<queueId>:<externalId>`) as an unsigned integer over 2^64, in [0, 1). Replaying a rule gives the
 * same draws, so a backfill, a retried ingest and a late signal all agree on inclusion.
 */
export function drawUniform(queueId: string, externalId: string): number {
  const digest = createHash("sha256").update(`${queueId}:${externalId}`).digest();
  // Keep the top 53 of the 64 bits: a double holds no more, and rounding all 64 could give exactly 1,
  // which would drop an output from a queue sampling at rate 1.
  return Number(digest.readBigUInt64BE(0) >> 11n) / 2 ** 53;
}
