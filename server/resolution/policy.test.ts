import { describe, expect, it } from "vitest";
import { categoricalFieldSchema } from "@/server/labels/field-types";
import { oneCoinConfusion } from "@/server/truth/model";
import { decideItem, type ConsensusPolicy, type CountedAnswer } from "./policy";

const answers = (verdicts: string[], corrections: Array<string | null> = []): CountedAnswer[] =>
  verdicts.map((verdict, index) => ({ id: index + 1, annotatorId: `a${index}`, values: { verdict }, correction: corrections[index] ?? null }));

const verdict = categoricalFieldSchema.parse({ type: "categorical", key: "verdict", title: "Verdict", options: [{ value: "yes", title: "Yes" }, { value: "no", title: "No" }] });
const majority: ConsensusPolicy = { fields: [verdict], majorityThreshold: 0.6 };

/** Two options, annotator a0 right 95 % of the time, everyone else 60 %, equal priors. */
const dawidSkene = (minPosterior: number): ConsensusPolicy => ({
  fields: [verdict],
  majorityThreshold: 0.6,
  dawidSkene: {
    field: verdict,
    minPosterior,
    model: {
    fitId: 7,
    method: "dawid_skene",
    classes: ["yes", "no"],
    priors: [0.5, 0.5],
    confusionByAnnotator: new Map([["a0", oneCoinConfusion(2, 0.95)]]),
    fallbackConfusion: oneCoinConfusion(2, 0.6),
    },
  },
});

describe("decideItem", () => {
  it("gives majority gold with the share as confidence and the threshold in provenance", () => {
    const decision = decideItem(majority, answers(["yes", "no", "yes"]));
    expect(decision).toMatchObject({ kind: "gold", method: "majority", values: { verdict: "yes" }, provenance: { threshold: 0.6, votes: { a0: "yes", a1: "no", a2: "yes" }, annotationIds: [1, 2, 3] } });
    expect(decision.kind === "gold" && decision.confidence).toBeCloseTo(2 / 3);
  });

  it("weighs a reliable annotator above two unreliable ones under Dawid–Skene, which majority cannot", () => {
    const verdicts = ["no", "yes", "yes"];
    expect(decideItem(majority, answers(verdicts))).toMatchObject({ kind: "gold", values: { verdict: "yes" } });
    // P(no) ∝ 0.95 · 0.4 · 0.4 = 0.152, P(yes) ∝ 0.05 · 0.6 · 0.6 = 0.018.
    const decision = decideItem(dawidSkene(0.8), answers(verdicts));
    expect(decision).toMatchObject({ kind: "gold", method: "dawid_skene", values: { verdict: "no" }, provenance: { fitId: 7, model: "dawid_skene", minPosterior: 0.8 } });
    expect(decision.kind === "gold" && decision.confidence).toBeCloseTo(0.152 / 0.17, 10);
  });

  it("gives no gold below the minimum posterior, naming it", () => {
    expect(decideItem(dawidSkene(0.95), answers(["no", "yes", "yes"]))).toEqual({
      kind: "conflict",
      reasons: [expect.stringMatching(/^Verdict: .*below the queue's minimum 0\.95/)],
    });
  });

  it("names the field and its options by their titles in a split", () => {
    expect(decideItem(majority, answers(["yes", "no"]))).toEqual({ kind: "conflict", reasons: ["Verdict: split No 1, Yes 1, none reaches 60 %"] });
  });

  it("needs the corrections to agree under either policy, and answers to decide anything", () => {
    expect(decideItem(dawidSkene(0.5), answers(["yes", "yes"], ["Fixed.", "Fixed differently."]))).toEqual({ kind: "conflict", reasons: ["corrections differ"] });
    expect(decideItem(majority, [])).toEqual({ kind: "conflict", reasons: ["no counted answers"] });
  });

  it("makes gold without a correction when an optional corrected output does not agree, and says why", () => {
    const optional: ConsensusPolicy = { ...majority, correction: { title: "Rewrite", required: false, consensus: { rule: "identical" } } };
    const decision = decideItem(optional, answers(["yes", "yes"], ["Fixed.", "Fixed differently."]));
    expect(decision).toMatchObject({ kind: "gold", values: { verdict: "yes" }, correction: null, method: "majority", provenance: { unresolvedOptional: ["Rewrite: corrections differ"], correctionDisputed: true } });
    expect(decideItem({ ...optional, correction: { ...optional.correction!, required: true } }, answers(["yes", "yes"], ["Fixed.", "Fixed differently."]))).toEqual({ kind: "conflict", reasons: ["corrections differ"] });
    expect(decideItem(optional, answers(["yes", "yes"], ["Fixed.", "Fixed."]))).toMatchObject({ kind: "gold", correction: "Fixed.", method: "unanimous" });
  });
});
