import { describe, expect, it } from "vitest";
import { DEFAULT_QUALITY_SETTINGS } from "@/server/queues/schema";
import { describeAdaptiveReach, toQualitySettingsDraft, validateQualitySettings } from "./quality-settings-state";

describe("quality settings draft", () => {
  it("round-trips the defaults, with empty optional numbers meaning off", () => {
    const draft = toQualitySettingsDraft(DEFAULT_QUALITY_SETTINGS);
    expect(draft).toMatchObject({ maxOverlap: "", gateMinAccuracy: "", dailyCap: "" });
    expect(validateQualitySettings(draft, 2)).toEqual({ success: true, data: DEFAULT_QUALITY_SETTINGS });
  });

  it("puts each message on its control, and checks K against the queue's k", () => {
    const draft = { ...toQualitySettingsDraft(DEFAULT_QUALITY_SETTINGS), minPosterior: "0.3", maxOverlap: "2", goldItemRate: "", dailyCap: "0" };
    const result = validateQualitySettings(draft, 3);
    expect(result).toEqual({
      success: false,
      errors: { minPosterior: "minPosterior is 0.5 to 1", goldItemRate: "enter a number", dailyCap: "dailyCap is at least 1", maxOverlap: "maxOverlap must be at least the overlap (3)" },
    });
  });
});

describe("describeAdaptiveReach", () => {
  const draft = { ...toQualitySettingsDraft(DEFAULT_QUALITY_SETTINGS), maxOverlap: "5" };

  it("warns when a (k−1)–1 split already meets the threshold, so adaptive overlap cannot grow on two options", () => {
    expect(describeAdaptiveReach(draft, 3)).toBe(
      "At k = 3 a 2–1 split already reaches 60%, so only more even splits ask for more people (with two options, none do). Set the threshold above 67% to grow the review on any split.",
    );
    // With an even k a tie never reaches the threshold, so two options can still grow the review.
    expect(describeAdaptiveReach({ ...draft, maxOverlap: "9" }, 4)).toBe(
      "At k = 4 a 3–1 split already reaches 60%, so only more even splits ask for more people. Set the threshold above 75% to grow the review on any split.",
    );
  });

  it("stays quiet when any split asks for more, when K is off, and for Dawid–Skene", () => {
    expect(describeAdaptiveReach({ ...draft, majorityThreshold: "0.7" }, 3)).toBeNull();
    expect(describeAdaptiveReach({ ...draft, maxOverlap: "" }, 3)).toBeNull();
    expect(describeAdaptiveReach({ ...draft, consensusMethod: "dawid_skene" }, 3)).toBeNull();
  });
});
