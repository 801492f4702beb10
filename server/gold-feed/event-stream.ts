import type { Kysely } from "kysely";
import type { DB } from "@/db/types";
import { logger } from "@/server/lib/logger";
import { subscribeToGold } from "./gold-notifications";
import { readGoldPage } from "./service";

/** How often an idle stream sends a comment (so proxies keep it open), re-checks its key and reads again. */
export const GOLD_STREAM_HEARTBEAT_MS = 15_000;
const STREAM_PAGE = 500;
/** What a client waits before reconnecting after the stream drops. */
const RECONNECT_AFTER_MS = 3_000;

const encoder = new TextEncoder();

/**
 * The project's gold labels from `since` on, as Server-Sent Events (`id` = cursor, `event: gold`, `data` =
 * the feed entry), then each new one within moments of its commit. Pull-based: a page is read only when the
 * client has taken the last one, so a slow client slows the reads instead of filling memory.
 *
 * A commit notification (or the heartbeat, which covers a lost notification) wakes an idle stream. The
 * heartbeat also asks `isAuthorized`, so a revoked key stops receiving within one interval.
 */
export function streamGold(
  db: Kysely<DB>,
  options: { projectId: string; queueId?: string; since: string; isAuthorized: () => Promise<boolean>; heartbeatMs?: number },
): ReadableStream<Uint8Array> {
  const heartbeatMs = options.heartbeatMs ?? GOLD_STREAM_HEARTBEAT_MS;
  let cursor = options.since;
  let hasNews = true;
  let wakeUp: (() => void) | null = null;
  let unsubscribe = () => {};
  let isClosed = false;

  const wake = () => {
    hasNews = true;
    wakeUp?.();
  };
  const nextWake = (): Promise<"news" | "heartbeat"> =>
    new Promise((resolve) => {
      const timer = setTimeout(() => {
        wakeUp = null;
        resolve("heartbeat");
      }, heartbeatMs);
      wakeUp = () => {
        clearTimeout(timer);
        wakeUp = null;
        resolve("news");
      };
    });
  const close = () => {
    isClosed = true;
    unsubscribe();
    wakeUp?.();
  };

  return new ReadableStream<Uint8Array>(
    {
      start(controller) {
        unsubscribe = subscribeToGold(options.projectId, wake);
        controller.enqueue(encoder.encode(`retry: ${RECONNECT_AFTER_MS}\n: gold feed from cursor ${cursor}\n\n`));
      },
      async pull(controller) {
        try {
          while (!isClosed) {
            if (hasNews) {
              hasNews = false;
              const page = await readGoldPage(db, options.projectId, { since: cursor, queue: options.queueId, limit: STREAM_PAGE });
              // The client may have gone while the page was read; a cancelled stream takes no more chunks.
              if (isClosed) return;
              if (page.data.length > 0) {
                cursor = page.next_cursor;
                hasNews = page.has_more;
                controller.enqueue(encoder.encode(page.data.map((entry) => `id: ${entry.cursor}\nevent: gold\ndata: ${JSON.stringify(entry)}\n\n`).join("")));
                return;
              }
            }
            if ((await nextWake()) === "heartbeat") {
              const isAuthorized = await options.isAuthorized();
              if (isClosed) return;
              if (!isAuthorized) {
                controller.enqueue(encoder.encode(`event: revoked\ndata: ${JSON.stringify({ message: "this API key no longer has access; the stream ends" })}\n\n`));
                close();
                controller.close();
                return;
              }
              hasNews = true;
              controller.enqueue(encoder.encode(": keep-alive\n\n"));
              return;
            }
          }
        } catch (error) {
          logger.error({ err: error, projectId: options.projectId }, "gold stream failed");
          close();
          controller.error(error);
        }
      },
      cancel() {
        close();
      },
    },
    new CountQueuingStrategy({ highWaterMark: 1 }),
  );
}
