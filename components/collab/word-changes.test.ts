import { diff as diffCharacters, type Change } from "@codemirror/merge";
import { describe, expect, it } from "vitest";
import { diffByWords, MAX_WORD_EDITS } from "./word-changes";

/** Each change as the text it removes from `a` and inserts from `b`, which is what a reader sees. */
function describeChanges(a: string, b: string, changes: readonly Change[]): Array<[string, string]> {
  return changes.map((change) => [a.slice(change.fromA, change.toA), b.slice(change.fromB, change.toB)]);
}

/** Fails unless the text between the changes is the same on both sides and the changes are in order. */
function expectValidCover(a: string, b: string, changes: readonly Change[]) {
  let posA = 0;
  let posB = 0;
  for (const change of changes) {
    expect(change.fromA).toBeGreaterThanOrEqual(posA);
    expect(change.toA).toBeGreaterThanOrEqual(change.fromA);
    expect(change.toB).toBeGreaterThanOrEqual(change.fromB);
    expect(a.slice(posA, change.fromA)).toBe(b.slice(posB, change.fromB));
    posA = change.toA;
    posB = change.toB;
  }
  expect(a.slice(posA)).toBe(b.slice(posB));
}

const isLoneSurrogateAt = (text: string, index: number) => index > 0 && index < text.length && /[\uDC00-\uDFFF]/.test(text.charAt(index));

describe("diffByWords", () => {
  it("marks a replaced word whole, not the letters that differ", () => {
    const a = "Refunds take three days.";
    const b = "Refunds take thirty days.";
    const changes = diffByWords(a, b);
    expect(describeChanges(a, b, changes)).toEqual([["three", "thirty"]]);
    expectValidCover(a, b, changes);
  });

  it("reports an inserted and a deleted word with the positions the merge view needs", () => {
    const a = "Refunds take days.";
    const b = "Refunds take 5 business days.";
    expect(describeChanges(a, b, diffByWords(a, b))).toEqual([["", "5 business "]]);
    const shorter = "Refunds days.";
    expect(describeChanges(a, shorter, diffByWords(a, shorter))).toEqual([["take ", ""]]);
  });

  it("handles empty and identical texts", () => {
    expect(diffByWords("", "")).toEqual([]);
    expect(diffByWords("same text", "same text")).toEqual([]);
    expect(describeChanges("", "new text", diffByWords("", "new text"))).toEqual([["", "new text"]]);
    expect(describeChanges("old text", "", diffByWords("old text", ""))).toEqual([["old text", ""]]);
  });

  it("keeps punctuation its own token, so a changed mark leaves the word beside it alone", () => {
    const a = "It arrives today.";
    const b = "It arrives today!";
    expect(describeChanges(a, b, diffByWords(a, b))).toEqual([[".", "!"]]);
    const c = "Yes, it does.";
    const d = "No, it does.";
    expect(describeChanges(c, d, diffByWords(c, d))).toEqual([["Yes", "No"]]);
  });

  it("treats words in any alphabet as words, and each CJK character as one", () => {
    const a = "Возврат займёт три дня.";
    const b = "Возврат займёт неделю.";
    expect(describeChanges(a, b, diffByWords(a, b))).toEqual([["три дня", "неделю"]]);
    const c = "退款需要三天。";
    const d = "退款需要五天。";
    expect(describeChanges(c, d, diffByWords(c, d))).toEqual([["三", "五"]]);
    // A Latin word right before Chinese stays apart from it.
    const e = "Use PayPal退款";
    const f = "Use PayPal付款";
    expect(describeChanges(e, f, diffByWords(e, f))).toEqual([["退", "付"]]);
    const g = "返金はみっかです";
    const h = "返金はいつかです";
    expect(describeChanges(g, h, diffByWords(g, h))).toEqual([["みっ", "いつ"]]);
  });

  it("covers any text exactly, whatever its characters", () => {
    const texts = ["", "a\tb\r\nc", "👨‍👩‍👧 family", "🇫🇷 and 🇩🇪", "e\u0301te", "lone \ud800 surrogate", "1️⃣ two", "  spaced   out  "];
    for (const a of texts) for (const b of texts) expectValidCover(a, b, diffByWords(a, b));
    expect(describeChanges("🇫🇷 flag", "🇫🇮 flag", diffByWords("🇫🇷 flag", "🇫🇮 flag"))).toEqual([["🇫🇷", "🇫🇮"]]);
  });

  it("never splits a surrogate pair or an emoji with its modifier", () => {
    const a = "Thanks 😀 and 👍🏻 done";
    const b = "Thanks 😁 and 👍🏿 done";
    const changes = diffByWords(a, b);
    expect(describeChanges(a, b, changes)).toEqual([
      ["😀", "😁"],
      ["👍🏻", "👍🏿"],
    ]);
    for (const change of changes) {
      for (const index of [change.fromA, change.toA]) expect(isLoneSurrogateAt(a, index)).toBe(false);
      for (const index of [change.fromB, change.toB]) expect(isLoneSurrogateAt(b, index)).toBe(false);
    }
  });

  it("counts newlines as their own tokens, so a changed line break is not a changed word", () => {
    const a = "First line.\nSecond line.";
    const b = "First line.\n\nSecond line.";
    expect(describeChanges(a, b, diffByWords(a, b))).toEqual([["", "\n"]]);
    const c = "One\r\ntwo";
    const d = "One\r\nthree";
    expect(describeChanges(c, d, diffByWords(c, d))).toEqual([["two", "three"]]);
  });

  it("falls back to the character diff when the texts differ in too many words", () => {
    const words = (prefix: string) => Array.from({ length: MAX_WORD_EDITS }, (_, index) => `${prefix}${index}`).join(" ");
    const a = words("old");
    const b = words("new");
    const changes = diffByWords(a, b);
    expect(changes).toEqual(diffCharacters(a, b, { scanLimit: 500 }));
    expectValidCover(a, b, changes);
  });

  it("still diffs by words a long text with a few edits", () => {
    const filler = "The order ships within two days of payment. ".repeat(2_000);
    const a = `${filler}Refunds take three days.`;
    const b = `${filler}Refunds take a week.`;
    const changes = diffByWords(a, b);
    // The space between the two words is common; the merge view joins changes this close for display.
    expect(describeChanges(a, b, changes)).toEqual([
      ["three", "a"],
      ["days", "week"],
    ]);
    expectValidCover(a, b, changes);
  });
});
