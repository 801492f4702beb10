import { describe, expect, it } from "vitest";
import { diffAsOneChange } from "./text-change";

function apply(text: string, change: { from: number; to: number; insert: string }): string {
  return text.slice(0, change.from) + change.insert + text.slice(change.to);
}

describe("diffAsOneChange", () => {
  it("replaces only the part between the common prefix and suffix", () => {
    expect(diffAsOneChange("Refunds take 3 days.", "Refunds take 5 days.")).toEqual({ from: 13, to: 14, insert: "5" });
  });

  it("handles identical, empty, growing and shrinking texts", () => {
    const cases: Array<[string, string]> = [
      ["same", "same"],
      ["", "new text"],
      ["old text", ""],
      ["abc", "abcabc"],
      ["aaaa", "aa"],
      ["Go to Settings.", "Go to Settings → Billing."],
    ];
    for (const [from, to] of cases) expect(apply(from, diffAsOneChange(from, to))).toBe(to);
    expect(diffAsOneChange("same", "same")).toEqual({ from: 4, to: 4, insert: "" });
  });

  it("never cuts a surrogate pair in half", () => {
    const from = "ok 😀 done";
    const to = "ok 😁 done";
    const change = diffAsOneChange(from, to);
    expect(change.insert).toBe("😁");
    expect(apply(from, change)).toBe(to);
  });
});
