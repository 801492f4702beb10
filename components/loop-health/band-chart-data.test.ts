import { describe, expect, it } from "vitest";
import { summarizeBandWindows, toBandChartRows, type BandWindow } from "./band-chart-data";

const at = (day: number) => new Date(Date.UTC(2026, 2, day));
const window = (day: number, statistic: number | null, lower: number | null, upper: number | null, isFiring = false): BandWindow => ({
  windowStart: at(day),
  sampleSize: 50,
  statistic,
  lower,
  upper,
  isFiring,
});

describe("band chart rows", () => {
  it("draws a one-sided band to the edge of the plotted range, and no band where the detector has none", () => {
    const { rows, domain } = toBandChartRows([window(1, 1, 0.5, null), window(2, 0.2, 0.5, null, true), window(3, null, null, null)]);
    expect(domain[0]).toBeLessThan(0.2);
    expect(domain[1]).toBeGreaterThan(1);
    expect(rows[0]).toEqual({ t: at(1).getTime(), statistic: 1, band: [0.5, domain[1]], firing: null });
    expect(rows[1]).toEqual({ t: at(2).getTime(), statistic: 0.2, band: [0.5, domain[1]], firing: 0.2 });
    expect(rows[2]!.band).toBeNull();
  });

  it("keeps a rule's threshold inside the plotted range", () => {
    const { domain } = toBandChartRows([window(1, 0.1, null, null)], 5);
    expect(domain[1]).toBeGreaterThan(5);
  });

  it("says what the chart shows, or that nothing is measured yet", () => {
    expect(summarizeBandWindows("Decoys", [window(1, 0.1, null, 0.3), window(2, 0.9, null, 0.3, true)])).toBe("Decoys: 2 windows measured, 1 outside the band; latest value 0.9.");
    expect(summarizeBandWindows("Decoys", [window(1, null, null, null)])).toBe("Decoys: no window has enough data yet.");
  });
});
