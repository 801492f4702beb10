import { describe, expect, it } from "vitest";
import { describeOverlap } from "./queue-wording";

describe("describeOverlap", () => {
  it("speaks of one reviewer without anyone else's answers", () => {
    expect(describeOverlap(1)).toBe("Each item is reviewed by one person, and their answer becomes the gold label.");
    expect(describeOverlap(1)).not.toMatch(/each other/);
  });

  it("speaks of blind reviewers from two on", () => {
    expect(describeOverlap(2)).toBe("Each item is reviewed by 2 people, who cannot see each other's answers.");
    expect(describeOverlap(5)).toContain("5 people");
  });
});

describe("describeOverlap with adaptive overlap", () => {
  it("says how far a disagreement grows the review", () => {
    expect(describeOverlap(3, 5)).toBe("Each item is reviewed by 3 people, who cannot see each other's answers, and by up to 5 when they disagree.");
    expect(describeOverlap(1, 3)).toBe("Each item is reviewed by one person, and by up to 3 when they disagree.");
    expect(describeOverlap(2, 2)).toBe("Each item is reviewed by 2 people, who cannot see each other's answers.");
  });
});

describe("describeOverlap for a collaborative queue", () => {
  it("speaks of one shared answer, not of blind reviewers", () => {
    expect(describeOverlap(2, null, "collaborative")).toBe("Each item is answered together by 2 people on one shared answer; it is gold when all of them approve the same version.");
  });
});
