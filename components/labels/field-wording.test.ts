import { describe, expect, it } from "vitest";
import { labelFieldSchema } from "@/server/labels/field-types";
import { describeConsensus, describeFieldShape } from "./field-wording";

const parse = (input: Record<string, unknown>) => labelFieldSchema.parse({ key: "f", title: "F", ...input });

describe("field wording", () => {
  it("says how each type becomes gold, the queue's threshold standing in for a single choice without its own", () => {
    expect(describeConsensus(parse({ type: "categorical", options: [{ value: "a", title: "A" }, { value: "b", title: "B" }] }), 0.6)).toBe("majority at 60 %");
    expect(describeConsensus(parse({ type: "rating", max: 5 }), 0.6)).toBe("median when answers lie within 1");
    expect(describeConsensus(parse({ type: "number", min: 0, max: 10, unit: "min", consensus: { rule: "mean", maxSpread: 2 } }), 0.6)).toBe("mean when answers lie within 2 min");
    expect(describeConsensus(parse({ type: "free_text" }), 0.6)).toBe("closest answer (medoid) when all are within 30 % of it");
  });

  it("says what each type asks for", () => {
    expect(describeFieldShape(parse({ type: "rating", max: 5, anchors: ["useless", "poor", "fine", "good", "perfect"] }))).toBe("1–5: useless … perfect");
    expect(describeFieldShape(parse({ type: "number", min: 0, max: 120, step: 5, unit: "min" }))).toBe("0–120 min in steps of 5");
    expect(describeFieldShape(parse({ type: "rubric", criteria: [{ key: "c", title: "C", scale: "pass_fail" }] }))).toBe("1 criterion");
  });
});
