import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { LoggedUpdate } from "./queries";
import { createUpdateLog, GROUP_COMMIT_WINDOW_MS } from "./update-log";

const entry = (index: number): LoggedUpdate => ({ projectId: "p", documentName: `d${index}`, update: new Uint8Array([index]) });

/** A writer whose writes finish when the test says so, recording what each one carried. */
function controlledWriter() {
  const writes: { names: string[]; finish: (error?: Error) => void }[] = [];
  const write = (entries: LoggedUpdate[]) =>
    new Promise<void>((done, fail) => writes.push({ names: entries.map((item) => item.documentName), finish: (error) => (error ? fail(error) : done()) }));
  return { writes, write };
}

const windowEnds = () => vi.advanceTimersByTimeAsync(GROUP_COMMIT_WINDOW_MS);

beforeEach(() => {
  vi.useFakeTimers();
});

afterEach(() => {
  vi.useRealTimers();
});

describe("update log group commit", () => {
  it("writes the appends of one window together, and those made during a write in the next, resolving each only once written", async () => {
    const writer = controlledWriter();
    const log = createUpdateLog(writer.write);
    const settled: number[] = [];
    const track = (index: number) => log.append(entry(index)).then(() => settled.push(index));
    const first = [0, 1, 2].map(track);
    await vi.advanceTimersByTimeAsync(GROUP_COMMIT_WINDOW_MS - 1);
    expect(writer.writes).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(1);
    expect(writer.writes.map((write) => write.names)).toEqual([["d0", "d1", "d2"]]);

    const second = [3, 4].map(track);
    await windowEnds();
    expect(writer.writes).toHaveLength(1);
    writer.writes[0]!.finish();
    await Promise.all(first);
    expect(settled).toEqual([0, 1, 2]);
    expect(writer.writes[1]!.names).toEqual(["d3", "d4"]);
    writer.writes[1]!.finish();
    await Promise.all(second);
    expect(settled).toEqual([0, 1, 2, 3, 4]);
  });

  it("rejects exactly the appends of a failed write, and keeps writing later ones", async () => {
    const writer = controlledWriter();
    const log = createUpdateLog(writer.write);
    const failed = log.append(entry(0));
    await windowEnds();
    const later = log.append(entry(1));
    writer.writes[0]!.finish(new Error("connection refused"));
    await expect(failed).rejects.toThrow("connection refused");
    await vi.advanceTimersByTimeAsync(0);
    writer.writes[1]!.finish();
    await expect(later).resolves.toBeUndefined();
    const afterwards = log.append(entry(2));
    await windowEnds();
    writer.writes[2]!.finish();
    await expect(afterwards).resolves.toBeUndefined();
  });

  it("splits a burst bigger than one statement's batch", async () => {
    const writer = controlledWriter();
    const log = createUpdateLog(writer.write);
    const burst = Array.from({ length: 1_200 }, (_, index) => log.append(entry(index)));
    await windowEnds();
    for (let write = 0; write < 3; write += 1) {
      writer.writes[write]!.finish();
      await vi.advanceTimersByTimeAsync(0);
    }
    await Promise.all(burst);
    expect(writer.writes.map((write) => write.names.length)).toEqual([500, 500, 200]);
  });
});
