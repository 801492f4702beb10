import { describe, expect, it } from "vitest";
import { buildSamplingRule } from "@/server/queues/schema";
import { newFieldDraft } from "./field-draft-state";
import { initialQueueForm, validateQueueForm, type QueueFormState } from "./queue-form-state";
import { describeSamplingScience } from "./sampling-science-summary";
import { initialSamplingScienceDraft } from "./sampling-science-state";

const filled: QueueFormState = {
  ...initialQueueForm,
  name: "Stratified",
  fields: [
    {
      ...newFieldDraft(),
      title: "Verdict",
      key: "verdict",
      options: [
        { title: "Right", value: "right", isValueEdited: false },
        { title: "Wrong", value: "wrong", isValueEdited: false },
      ],
    },
  ],
  rate: "0.05",
};
const withScience = (science: Partial<QueueFormState["science"]>): QueueFormState => ({ ...filled, science: { ...initialSamplingScienceDraft, ...science } });

describe("sampling science in the new-queue form", () => {
  it("sends strata, quota, priority, floor, budget, cap and thread rule in the rule; empty limits mean none", () => {
    const result = validateQueueForm(
      withScience({ strataBy: "tag", strataTags: "web, mobile", quotaPerDay: "20", prioritySignals: ["thumbs_down"], priorityScoreBelow: "0.3", priorityMultiplier: "4", explorationFloor: "0.01", dailyBudget: "300", thread: "last_turn", threadIdleMinutes: "45" }),
    );
    expect(result.success && result.data.samplingRule).toMatchObject({
      strataBy: "tag",
      strataKey: "",
      strataTags: ["web", "mobile"],
      quotaPerDay: 20,
      prioritySignals: ["thumbs_down"],
      priorityScoreBelow: 0.3,
      priorityMultiplier: 4,
      explorationFloor: 0.01,
      dailyBudget: 300,
      maxPending: null,
      thread: "last_turn",
      threadIdleMinutes: 45,
    });
  });

  it("puts each problem on the field it belongs to", () => {
    const result = validateQueueForm(withScience({ quotaPerDay: "0", explorationFloor: "", maxPending: "1.5", thread: "last_turn", threadIdleMinutes: "0" }));
    expect(result.success).toBe(false);
    if (result.success) return;
    expect(result.errors).toEqual({
      quotaPerDay: "quotaPerDay is at least 1 (leave it empty for no limit)",
      explorationFloor: "enter a number",
      maxPending: "maxPending is a whole number",
      threadIdleMinutes: "threadIdleMinutes is at least 1",
    });
    // Fields that depend on each other are checked once each is valid on its own, and named too.
    const crossField = validateQueueForm(withScience({ strataBy: "metadata", priorityMultiplier: "3" }));
    expect(crossField.success || crossField.errors).toEqual({
      strataKey: "name the metadata key that splits the strata",
      prioritySignals: "tick a signal or set a score threshold for the multiplier to act on",
    });
  });

  it("says what the design does, one line per part, and nothing for a plain rule", () => {
    expect(describeSamplingScience(buildSamplingRule({ rate: 0.1 }))).toEqual([]);
    expect(
      describeSamplingScience(buildSamplingRule({ rate: 0.1, strataBy: "model", quotaPerDay: 20, prioritySignals: ["regenerate"], priorityScoreBelow: 0.2, priorityMultiplier: 5, explorationFloor: 0.005, maxPending: 500 })),
    ).toEqual([
      "Strata by model, at least 20 a day each.",
      "5× as likely with regenerate, score below 0.2.",
      "Every matching output has at least a 0.5% chance (exploration floor).",
      "Only the floor samples on days that start with 500 or more items pending.",
    ]);
  });
});
