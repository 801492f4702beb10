import { describe, expect, it } from "vitest";
import { describeGoldOrigin } from "./gold-origin";

describe("describeGoldOrigin", () => {
  it("names the lead, the Dawid–Skene weighing, or the reviewers' agreement", () => {
    expect(describeGoldOrigin({ resolvedByName: "Lea Lead", method: "adjudicated" }, "Finalized")).toBe("Finalized by Lea Lead");
    expect(describeGoldOrigin({ resolvedByName: null, method: "dawid_skene" })).toBe("Weighed by each reviewer's measured reliability (Dawid–Skene)");
    expect(describeGoldOrigin({ resolvedByName: null, method: "majority" })).toBe("Reached by agreement between reviewers");
  });
});
