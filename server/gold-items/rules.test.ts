import { describe, expect, it } from "vitest";
import { drawGoldCheck, isGoldAnswerCorrect } from "./rules";

describe("isGoldAnswerCorrect", () => {
  it("is right only when every expected field matches", () => {
    expect(isGoldAnswerCorrect({ verdict: "helpful" }, { verdict: "helpful" })).toBe(true);
    expect(isGoldAnswerCorrect({ verdict: "helpful" }, { verdict: "harmful" })).toBe(false);
    expect(isGoldAnswerCorrect({ verdict: "helpful", tone: "kind" }, { verdict: "helpful" })).toBe(false);
  });
});

describe("drawGoldCheck", () => {
  it("serves a gold check when the draw falls under the rate, and never at rate 0", () => {
    expect(drawGoldCheck(0.1, () => 0.05)).toBe(true);
    expect(drawGoldCheck(0.1, () => 0.1)).toBe(false);
    expect(drawGoldCheck(0, () => 0)).toBe(false);
  });
});
