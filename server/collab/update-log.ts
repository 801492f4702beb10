import type { LoggedUpdate } from "./queries";

export type UpdateLog = {
  /** Resolves once `entry` is committed to Postgres; rejects when the write failed. */
  append: (entry: LoggedUpdate) => Promise<void>;
};

type Waiting = { entry: LoggedUpdate; done: () => void; fail: (error: unknown) => void };

/** Rows per statement; a bigger burst is written in several statements, back to back. */
const MAX_BATCH = 500;

/**
 * Group commit: appends that arrive while a write is in flight wait for it and then go together in the
 * next one, so N clients typing at once cost one round trip per write rather than N. An append resolves
 * only after its row is committed; that is what lets the server acknowledge an edit as saved.
 */
export function createUpdateLog(write: (entries: LoggedUpdate[]) => Promise<void>): UpdateLog {
  let waiting: Waiting[] = [];
  let isWriting = false;

  async function drain(): Promise<void> {
    isWriting = true;
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
        if (!isWriting) void drain();
      }),
  };
}
