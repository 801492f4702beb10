import { describe, expect, it } from "vitest";
import { formatDuration, formatShare, formatWithInterval } from "./format";

describe("analytics formats", () => {
  it("writes shares, intervals and durations the way the tiles and tables show them", () => {
    expect(formatShare(0.834)).toBe("83 %");
    expect(formatShare(null)).toBe("—");
    expect(formatWithInterval(2 / 3, 0.208, 0.939)).toBe("67 % (21–94 %)");
    expect(formatDuration(2_500)).toBe("2.5 s");
    expect(formatDuration(850)).toBe("850 ms");
    expect(formatDuration(null)).toBe("—");
  });
});
