import { describe, expect, it } from "vitest";
import { decideAnswers } from "./answers-consensus";
import { decideField } from "./field-consensus";
import { labelFieldSchema } from "./field-types";

const queue = { majorityThreshold: 0.6 };
const field = (input: Record<string, unknown>) => labelFieldSchema.parse({ key: "f", title: "F", ...input });
const options = [{ value: "good", title: "Good" }, { value: "bad", title: "Bad" }, { value: "ugly", title: "Ugly" }];

describe("per-field consensus", () => {
  it("single choice: the queue's majority by default, or unanimous, naming options by title", () => {
    const choice = field({ type: "categorical", options });
    expect(decideField(choice, ["good", "good", "bad"], queue)).toEqual({ kind: "gold", value: "good", confidence: 2 / 3, rule: "majority" });
    expect(decideField(choice, ["good", "bad"], queue)).toEqual({ kind: "conflict", reason: "split Bad 1, Good 1, none reaches 60 %" });
    const unanimous = field({ type: "categorical", options, consensus: { rule: "unanimous" } });
    expect(decideField(unanimous, ["good", "good", "bad"], queue)).toEqual({ kind: "conflict", reason: "not unanimous: Good 2, Bad 1" });
  });

  it("multi-select: each option in or out by its own share, undecided options named", () => {
    const tags = field({ type: "multi_select", options, consensus: { rule: "per_option", threshold: 0.6 } });
    expect(decideField(tags, [["good", "bad"], ["good"], ["good", "bad"]], queue)).toEqual({ kind: "gold", value: ["good", "bad"], confidence: 2 / 3, rule: "per_option" });
    expect(decideField(tags, [["good", "bad"], ["good"]], queue)).toEqual({ kind: "conflict", reason: "options split: Bad 50 %" });
    expect(decideField(tags, [[], []], queue)).toEqual({ kind: "gold", value: [], confidence: 1, rule: "per_option" });
  });

  it("rating and number: median or mean within the allowed spread", () => {
    const rating = field({ type: "rating", max: 5 });
    expect(decideField(rating, [4, 5, 4], queue)).toEqual({ kind: "gold", value: 4, confidence: 0.75, rule: "median" });
    expect(decideField(rating, [2, 5], queue)).toEqual({ kind: "conflict", reason: "answers spread 3 (2 to 5), more than 1" });
    const minutes = field({ type: "number", min: 0, max: 100, consensus: { rule: "mean", maxSpread: 10 } });
    expect(decideField(minutes, [10, 20], queue)).toEqual({ kind: "gold", value: 15, confidence: 0.9, rule: "mean" });
  });

  it("free text: the medoid when every answer is close enough to it", () => {
    const why = field({ type: "free_text", consensus: { rule: "medoid", maxDistance: 0.2 } });
    const decided = decideField(why, ["The refund is late", "The refund is late.", "the refund is late"], queue);
    expect(decided).toMatchObject({ kind: "gold", value: "The refund is late", rule: "medoid" });
    expect(decideField(why, ["Refund late", "Wrong product entirely"], queue)).toMatchObject({ kind: "conflict", reason: expect.stringMatching(/^answers differ: \d+ % of the text apart, more than 20 %$/) });
  });

  it("rubric: every criterion on its own, split criteria named", () => {
    const rubric = field({ type: "rubric", criteria: [{ key: "cites", title: "Cites", scale: "pass_fail" }, { key: "tone", title: "Tone", scale: "one_to_five" }] });
    expect(decideField(rubric, [{ cites: true, tone: 4 }, { cites: true, tone: 5 }, { cites: false, tone: 4 }], queue)).toEqual({ kind: "gold", value: { cites: true, tone: 4 }, confidence: 2 / 3, rule: "per_criterion" });
    expect(decideField(rubric, [{ cites: true, tone: 1 }, { cites: false, tone: 5 }], queue)).toEqual({ kind: "conflict", reason: "criteria split: Cites: pass 1, fail 1; Tone: scores 1, 5" });
  });

  it("pairwise: majority with the median strength of the winners, and a split as tie or conflict", () => {
    const preference = field({ type: "pairwise" });
    expect(decideField(preference, [{ choice: "a", strength: 3 }, { choice: "a", strength: 1 }, { choice: "b", strength: 2 }], queue)).toEqual({ kind: "gold", value: { choice: "a", strength: 2 }, confidence: 1 / 3, rule: "majority" });
    expect(decideField(preference, [{ choice: "a" }, { choice: "b" }], queue)).toEqual({ kind: "conflict", reason: "preferences split: A 1, B 1" });
    // Everyone prefers B, but not equally strongly: not unanimous, and less sure by the strengths' spread.
    expect(decideField(preference, [{ choice: "b", strength: 1 }, { choice: "b", strength: 3 }], queue)).toEqual({ kind: "gold", value: { choice: "b", strength: 2 }, confidence: 0.5, rule: "majority" });
    expect(decideField(preference, [{ choice: "b", strength: 2 }, { choice: "b", strength: 3 }], queue)).toEqual({ kind: "gold", value: { choice: "b", strength: 3 }, confidence: 0.75, rule: "majority" });
    expect(decideField(preference, [{ choice: "b", strength: 2 }, { choice: "b", strength: 2 }], queue)).toEqual({ kind: "gold", value: { choice: "b", strength: 2 }, confidence: 1, rule: "unanimous" });
    const lenient = field({ type: "pairwise", consensus: { rule: "majority", threshold: 0.6, onSplit: "tie" } });
    expect(decideField(lenient, [{ choice: "a" }, { choice: "b" }], queue)).toEqual({ kind: "gold", value: { choice: "tie" }, confidence: 0.5, rule: "split_is_tie" });
  });
});

describe("deciding an item's answers field by field", () => {
  const fields = [
    labelFieldSchema.parse({ type: "categorical", key: "verdict", title: "Verdict", options }),
    labelFieldSchema.parse({ type: "rating", key: "quality", title: "Quality", max: 5 }),
    labelFieldSchema.parse({ type: "free_text", key: "why", title: "Why", required: false, consensus: { rule: "medoid", maxDistance: 0.1 } }),
  ];

  it("is gold when every required field resolves, leaving out optional fields that do not", () => {
    const decision = decideAnswers(fields, [{ verdict: "good", quality: 4, why: "Clear" }, { verdict: "good", quality: 5, why: "Totally different reason" }], queue);
    expect(decision).toEqual({
      kind: "gold",
      values: { verdict: "good", quality: 4.5 },
      confidence: 0.75,
      fields: { verdict: { rule: "unanimous", confidence: 1 }, quality: { rule: "median", confidence: 0.75 } },
      unresolvedOptional: [expect.stringMatching(/^Why: answers differ/)],
    });
  });

  it("is a conflict naming every required field that does not resolve", () => {
    expect(decideAnswers(fields, [{ verdict: "good", quality: 1 }, { verdict: "bad", quality: 5 }], queue)).toEqual({
      kind: "conflict",
      reasons: ["Verdict: split Bad 1, Good 1, none reaches 60 %", "Quality: answers spread 4 (1 to 5), more than 1"],
    });
  });
});
