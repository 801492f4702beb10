import type { LoggedUpdate } from "./queries";

export type UpdateLog = {
  /** Resolves once `entry` is committed to Postgres; rejects when the write failed. Appends settle in order. */
  append: (entry: LoggedUpdate) => Promise<void>;
};

type Waiting = { entry: LoggedUpdate; done: () => void; fail: (error: unknown) => void };

/** Rows per statement; a bigger burst is written in several statements, back to back. */
const MAX_BATCH = 500;

/**
 * How long the first update of a quiet spell waits for others before it is written. Only the author's
 * "saved" waits for the write (others see the edit at once), and a few milliseconds there turn a stream of
 * single-row commits into one commit per window.
 */
export const GROUP_COMMIT_WINDOW_MS = 10;

/**
 * Group commit: appends that arrive within the window, or while a write is in flight, go together in one
 * statement, so N clients typing at once cost one round trip and one commit rather than N. An append
 * resolves only after its row is committed; that is what lets the server acknowledge an edit as saved.
 * Batches are written one after another, so appends settle in the order they were made.
 */
export function createUpdateLog(write: (entries: LoggedUpdate[]) => Promise<void>): UpdateLog {
  let waiting: Waiting[] = [];
  let isWriting = false;

  async function drain(): Promise<void> {
    while (waiting.length > 0) {
      const batch = waiting.slice(0, MAX_BATCH);
      waiting = waiting.slice(batch.length);
      try {
        await write(batch.map((item) => item.entry));
        for (const item of batch) item.done();
      } catch (error) {
        for (const item of batch) item.fail(error);
      }
    }
    isWriting = false;
  }

  return {
    append: (entry) =>
      new Promise<void>((done, fail) => {
        waiting.push({ entry, done, fail });
        if (isWriting) return;
        isWriting = true;
        setTimeout(() => void drain(), GROUP_COMMIT_WINDOW_MS);
      }),
  };
}
