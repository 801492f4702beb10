import { describe, expect, it } from "vitest";
import { judgeCondition } from "./condition";

const STEP = 10;
/** Windows 0..latest as a string: "x" fired, "." did not (or had no data). */
function judge(pattern: string, options: { sustainedWindows?: number; clearWindows?: number } = {}) {
  const firingWindows = new Set([...pattern].flatMap((mark, index) => (mark === "x" ? [index * STEP] : [])));
  return judgeCondition({ firingWindows, latest: (pattern.length - 1) * STEP, stepMs: STEP, sustainedWindows: options.sustainedWindows ?? 1, clearWindows: options.clearWindows ?? 3 });
}

describe("judgeCondition", () => {
  it("holds when the latest window fires, from the first window of its run", () => {
    expect(judge("..xxx")).toEqual({ holds: true, firstWindow: 2 * STEP, latestFiringWindow: 4 * STEP, clearStreak: 0 });
  });

  it("holds only when the sustained windows all fired", () => {
    expect(judge("x.x.x", { sustainedWindows: 2 }).holds).toBe(false);
    expect(judge("x.xxx", { sustainedWindows: 3 })).toMatchObject({ holds: true, firstWindow: 2 * STEP });
    expect(judge("x..xx", { sustainedWindows: 3 }).holds).toBe(false);
  });

  it("counts the windows without the condition since it last held, up to the clear windows", () => {
    expect(judge("xxx..")).toMatchObject({ holds: false, clearStreak: 2, latestFiringWindow: 2 * STEP });
    expect(judge("x......", { clearWindows: 3 }).clearStreak).toBe(3);
    expect(judge("")).toMatchObject({ holds: false, latestFiringWindow: null, clearStreak: 3 });
  });

  it("counts a lone firing window as clear while the condition needs more in a row", () => {
    expect(judge("xx.x", { sustainedWindows: 2, clearWindows: 5 })).toMatchObject({ holds: false, clearStreak: 2 });
  });
});
