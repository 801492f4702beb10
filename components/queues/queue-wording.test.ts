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
