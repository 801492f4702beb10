import { createHash } from "node:crypto";

/**
 * A deterministic uniform draw in [0, 1) from a key: the first 8 bytes of sha256(key) as an unsigned integer
 * over 2^64. Replaying gives the same draw, so a backfill, a retried ingest and a late signal all agree.
 */
function drawFromKey(key: string): number {
  const digest = createHash("sha256").update(key).digest();
  // Keep the top 53 of the 64 bits: a double holds no more, and rounding all 64 could give exactly 1,
  // which would drop an output from a queue sampling at rate 1.
  return Number(digest.readBigUInt64BE(0) >> 11n) / 2 ** 53;
}

/** The main draw that decides whether a queue takes an output: sha256(`<queueId>:<externalId>`). */
export function drawUniform(queueId: string, externalId: string): number {
  return drawFromKey(`${queueId}:${externalId}`);
}

/**
 * The holdout draw, salted apart from the main one: independent of it, so the holdout is a uniform slice of
 * the rule's population whatever the main draw and the signal filter decided.
 */
export function drawHoldout(queueId: string, externalId: string): number {
  return drawFromKey(`holdout:${queueId}:${externalId}`);
}

/** Whether an assignment shows a decoy, and which other option it shows: two independent draws on its id. */
export function drawDecoy(assignmentId: number): { isDecoy: number; option: number } {
  return { isDecoy: drawFromKey(`decoy:${assignmentId}`), option: drawFromKey(`decoy-option:${assignmentId}`) };
}
