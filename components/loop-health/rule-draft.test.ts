import { describe, expect, it } from "vitest";
import { metricNames } from "@/server/metrics/catalog";
import { EMPTY_RULE, metricChoices, toRuleInput } from "./rule-draft";

describe("rule draft", () => {
  it("sends typed numbers as numbers, and blanks or typos as NaN for the server to name", () => {
    const input = toRuleInput({ ...EMPTY_RULE, threshold: "0.25", sustainedWindows: "abc", clearWindows: " " });
    expect(input.threshold).toBe(0.25);
    expect(input.sustainedWindows).toBeNaN();
    expect(input.clearWindows).toBeNaN();
    expect(input.queueId).toBeNull();
    expect(toRuleInput({ ...EMPTY_RULE, queueId: "q-1" }).queueId).toBe("q-1");
  });

  it("offers every metric once, titled from the catalog", () => {
    expect(metricChoices.map((choice) => choice.name)).toEqual(metricNames);
    expect(metricChoices.find((choice) => choice.name === "gold.labels.holdout")?.title).toBe("Gold label entropy (holdout slice)");
  });
});
