import { describe, expect, it } from "vitest";
import { findWinningCandidateOutput } from "./pairwise-winner";

const candidates = [{ output: "Refunds take 5 days.", model: "m1" }, { output: [{ role: "assistant", content: "About a week." }] }, { output: "Ask the bank." }];

describe("findWinningCandidateOutput", () => {
  it("answers the output of the side a pairwise answer chose: A is the first candidate, B the second", () => {
    expect(findWinningCandidateOutput({ verdict: "ok", preference: { choice: "a", strength: 2 } }, candidates)).toBe("Refunds take 5 days.");
    expect(findWinningCandidateOutput({ preference: { choice: "b" } }, candidates)).toEqual([{ role: "assistant", content: "About a week." }]);
  });

  it("answers null for a tie, no pairwise answer, or no candidates; a rubric's scores are no choice", () => {
    expect(findWinningCandidateOutput({ preference: { choice: "tie" } }, candidates)).toBeNull();
    expect(findWinningCandidateOutput({ rubric: { choice: true } }, candidates)).toBeNull();
    expect(findWinningCandidateOutput({ preference: { choice: "a" } }, null)).toBeNull();
    expect(findWinningCandidateOutput({ preference: { choice: "a" } }, [{ output: "only one" }])).toBeNull();
  });
});
