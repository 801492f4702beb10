import { describe, expect, it } from "vitest";
import { countByFilter, filterOf } from "./alert-filters";

describe("alert filters", () => {
  it("puts a snoozed live alert under snoozed only, and a resolved one under resolved even if its snooze runs", () => {
    expect(filterOf({ state: "open", isSnoozed: false })).toBe("open");
    expect(filterOf({ state: "acknowledged", isSnoozed: false })).toBe("acknowledged");
    expect(filterOf({ state: "open", isSnoozed: true })).toBe("snoozed");
    expect(filterOf({ state: "acknowledged", isSnoozed: true })).toBe("snoozed");
    expect(filterOf({ state: "resolved", isSnoozed: true })).toBe("resolved");
  });

  it("counts every alert once", () => {
    const counts = countByFilter([
      { state: "open", isSnoozed: false },
      { state: "open", isSnoozed: true },
      { state: "resolved", isSnoozed: false },
      { state: "open", isSnoozed: false },
    ]);
    expect(counts).toEqual({ open: 2, acknowledged: 0, snoozed: 1, resolved: 1 });
  });
});
