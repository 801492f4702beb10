import { describe, expect, it } from "vitest";
import { customRuleProblems } from "./custom-rule-problems";

describe("customRuleProblems", () => {
  it("passes complete rules and names what is wrong with each other one", () => {
    const problems = customRuleProblems([
      { name: "order-id", pattern: "ORD-\\d{6}", caseInsensitive: false },
      { name: "rule-2", pattern: "", caseInsensitive: false },
      { name: "broken", pattern: "ORD-(\\d", caseInsensitive: false },
      { name: "Bad Name", pattern: "X-\\d{3}", caseInsensitive: false },
      { name: "empty-match", pattern: "\\d*", caseInsensitive: false },
    ]);
    expect(problems[0]).toBeNull();
    expect(problems[1]).toBe("unfinished: write a pattern");
    expect(problems[2]).toMatch(/^pattern of "broken" is not a valid regular expression/);
    expect(problems[3]).toMatch(/^name a rule with lowercase letters/);
    expect(problems[4]).toMatch(/matches empty text/);
  });

  it("flags both rules that share a name", () => {
    const rule = { name: "same", pattern: "A-\\d{2}", caseInsensitive: false };
    expect(customRuleProblems([rule, rule])).toEqual(["another rule has the same name: give each its own", "another rule has the same name: give each its own"]);
  });
});
