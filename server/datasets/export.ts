import type { Kysely } from "kysely";
import type { DB } from "@/db/types";
import { logger } from "@/server/lib/logger";
import { readReleaseLines } from "./release-queries";

const DEFAULT_PAGE_SIZE = 1_000;
const encoder = new TextEncoder();

export type PulledRelease = { projectId: string; releaseId: number; number: number; rowCount: number };

/**
 * A release as a JSONL byte stream. Each pull reads the next keyset page of ~1,000 rows by position and
 * enqueues it as one chunk; the stream holds at most one page ahead of the reader, so a slow client slows
 * the reads instead of filling memory.
 *
 * Pages are separate short queries rather than one cursor: release rows never change, so the pages add up
 * to a consistent copy without holding a connection (or a transaction) open while a client downloads.
 */
export function streamReleaseLines(db: Kysely<DB>, release: PulledRelease, options: { pageSize?: number } = {}): ReadableStream<Uint8Array> {
  const pageSize = options.pageSize ?? DEFAULT_PAGE_SIZE;
  let afterPosition = 0;
  let sentRows = 0;
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        try {
          const rows = await readReleaseLines(db, { projectId: release.projectId, releaseId: release.releaseId, releaseNumber: release.number, afterPosition, limit: pageSize });
          const last = rows.at(-1);
          if (last) {
            afterPosition = last.position;
            sentRows += rows.length;
            controller.enqueue(encoder.encode(rows.map((row) => `${row.line}\n`).join("")));
          }
          if (rows.length < pageSize) finish(controller);
        } catch (error) {
          logger.error({ err: error, releaseId: release.releaseId }, "release stream failed");
          controller.error(error);
        }
      },
    },
    new CountQueuingStrategy({ highWaterMark: 1 }),
  );

  // Only a deleted dataset can make rows vanish mid-download; fail the transfer so it is not taken as whole.
  function finish(controller: ReadableStreamDefaultController<Uint8Array>) {
    if (sentRows === release.rowCount) return controller.close();
    controller.error(new Error(`release ${release.number} ended after ${sentRows} of ${release.rowCount} rows`));
  }
}
