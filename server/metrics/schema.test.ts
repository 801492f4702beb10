import { describe, expect, it } from "vitest";
import { readLoopSettings } from "./schema";
import { toWindowSet } from "./windows";

describe("loop settings as stored", () => {
  it("fill in defaults for what is missing or unreadable and keep the rest", () => {
    expect(readLoopSettings({})).toEqual({ granularities: ["hour", "day"], driftMetadataKeys: [], referenceWindows: 7 });
    expect(readLoopSettings(null)).toEqual(readLoopSettings({}));
    expect(readLoopSettings({ granularities: ["day"], driftMetadataKeys: ["locale"], referenceWindows: 14 })).toEqual({ granularities: ["day"], driftMetadataKeys: ["locale"], referenceWindows: 14 });
    expect(readLoopSettings({ granularities: ["week"], referenceWindows: 99, driftMetadataKeys: "locale" })).toEqual(readLoopSettings({}));
  });
});

describe("window sets", () => {
  it("collect the distinct UTC windows that hold the instants, with their span", () => {
    const instants = ["2026-11-02T10:59:59Z", "2026-11-02T10:00:00Z", "2026-11-03T23:30:00Z"].map((at) => new Date(at));
    expect(toWindowSet("p", "hour", instants)).toEqual({
      projectId: "p",
      granularity: "hour",
      starts: [new Date("2026-11-02T10:00:00Z"), new Date("2026-11-03T23:00:00Z")],
      from: new Date("2026-11-02T10:00:00Z"),
      to: new Date("2026-11-04T00:00:00Z"),
    });
    expect(toWindowSet("p", "day", instants)).toMatchObject({ starts: [new Date("2026-11-02T00:00:00Z"), new Date("2026-11-03T00:00:00Z")], to: new Date("2026-11-04T00:00:00Z") });
    expect(toWindowSet("p", "day", [])).toBeNull();
  });
});
