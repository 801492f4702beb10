import { describe, expect, it } from "vitest";
import { VERDICT_LABEL_SCHEMA } from "@/db/seed/loop";
import { checkLabelFilters, hasMixedLabelSchemas, normalizeLabelFilters, splitRuleChanged } from "./recipe";
import { splitForGroup } from "./split";

const rule = { minConfidence: 0, labelFilters: {}, correctionMode: "allow_original", goldFrom: null, goldUntil: null, splitTrain: 0.8, splitValidation: 0.1, splitTest: 0.1, splitKey: "end_user_id", splitMetadataKey: null };

describe("recipes", () => {
  it("drops empty value lists and repeated values from label filters", () => {
    expect(normalizeLabelFilters({ verdict: ["helpful", "helpful", "harmful"], tone: [] })).toEqual({ verdict: ["helpful", "harmful"] });
  });

  it("checks filters against the options of the queues' fields, naming the field", () => {
    const queues = [{ name: "Support", labelSchema: VERDICT_LABEL_SCHEMA }];
    expect(() => checkLabelFilters(queues, { verdict: ["helpful"] })).not.toThrow();
    expect(() => checkLabelFilters(queues, { verdict: ["great"] })).toThrow(expect.objectContaining({ field: "labelFilters.verdict" }));
    expect(() => checkLabelFilters(queues, { tone: ["calm"] })).toThrow(/none of the dataset's queues has a field "tone"/);
  });

  it("calls label schemas mixed only when they differ", () => {
    const other = { ...VERDICT_LABEL_SCHEMA, allowCorrection: false };
    expect(hasMixedLabelSchemas([{ name: "a", labelSchema: VERDICT_LABEL_SCHEMA }, { name: "b", labelSchema: structuredClone(VERDICT_LABEL_SCHEMA) }])).toBe(false);
    expect(hasMixedLabelSchemas([{ name: "a", labelSchema: VERDICT_LABEL_SCHEMA }, { name: "b", labelSchema: other }])).toBe(true);
  });

  it("sees a split rule change in any share or the group key, not in the metadata key of another group kind", () => {
    expect(splitRuleChanged(rule, { ...rule, splitMetadataKey: "conversation" })).toBe(false);
    expect(splitRuleChanged(rule, { ...rule, splitTrain: 0.7, splitTest: 0.2 })).toBe(true);
    expect(splitRuleChanged(rule, { ...rule, splitKey: "trace_id" })).toBe(true);
    expect(splitRuleChanged({ ...rule, splitKey: "metadata", splitMetadataKey: "a" }, { ...rule, splitKey: "metadata", splitMetadataKey: "b" })).toBe(true);
  });
});

describe("the split rule", () => {
  it("reads the first 32 bits of md5 as a fraction: md5('user-1') starts d6d77053, 0.839… of 2^32", () => {
    expect(0xd6d77053 / 2 ** 32).toBeCloseTo(0.83923, 4);
    expect(splitForGroup("user-1", { train: 0.8, validation: 0.1 })).toBe("validation");
    expect(splitForGroup("user-1", { train: 0.9, validation: 0.05 })).toBe("train");
    expect(splitForGroup("user-1", { train: 0.5, validation: 0.2 })).toBe("test");
  });
});
