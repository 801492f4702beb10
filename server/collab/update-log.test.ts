import { describe, expect, it } from "vitest";
import type { LoggedUpdate } from "./queries";
import { createUpdateLog } from "./update-log";

const entry = (index: number): LoggedUpdate => ({ projectId: "p", documentName: `d${index}`, update: new Uint8Array([index]) });

/** A writer whose writes finish when the test says so, recording what each one carried. */
function controlledWriter() {
  const writes: { names: string[]; finish: (error?: Error) => void }[] = [];
  const write = (entries: LoggedUpdate[]) =>
    new Promise<void>((done, fail) => writes.push({ names: entries.map((item) => item.documentName), finish: (error) => (error ? fail(error) : done()) }));
  return { writes, write };
}

const flush = () => new Promise((done) => setTimeout(done, 0));

describe("update log group commit", () => {
  it("writes appends that arrive during a write together in the next one, and resolves each only once written", async () => {
    const writer = controlledWriter();
    const log = createUpdateLog(writer.write);
    const settled: number[] = [];
    const appends = Array.from({ length: 10 }, (_, index) => log.append(entry(index)).then(() => settled.push(index)));
    await flush();
    expect(writer.writes.map((write) => write.names)).toEqual([["d0"]]);
    writer.writes[0]!.finish();
    await flush();
    expect(settled).toEqual([0]);
    expect(writer.writes[1]!.names).toEqual(["d1", "d2", "d3", "d4", "d5", "d6", "d7", "d8", "d9"]);
    writer.writes[1]!.finish();
    await Promise.all(appends);
    expect(settled).toHaveLength(10);
  });

  it("rejects exactly the appends of a failed write, and keeps writing later ones", async () => {
    const writer = controlledWriter();
    const log = createUpdateLog(writer.write);
    const first = log.append(entry(0));
    const second = log.append(entry(1));
    await flush();
    writer.writes[0]!.finish(new Error("connection refused"));
    await expect(first).rejects.toThrow("connection refused");
    await flush();
    writer.writes[1]!.finish();
    await expect(second).resolves.toBeUndefined();
    const third = log.append(entry(2));
    await flush();
    writer.writes[2]!.finish();
    await expect(third).resolves.toBeUndefined();
  });

  it("splits a burst bigger than one statement's batch", async () => {
    const writer = controlledWriter();
    const log = createUpdateLog(writer.write);
    void log.append(entry(-1));
    const burst = Array.from({ length: 1_200 }, (_, index) => log.append(entry(index)));
    await flush();
    writer.writes[0]!.finish();
    await flush();
    writer.writes[1]!.finish();
    await flush();
    writer.writes[2]!.finish();
    await flush();
    writer.writes[3]!.finish();
    await Promise.all(burst);
    expect(writer.writes.map((write) => write.names.length)).toEqual([1, 500, 500, 200]);
  });
});
