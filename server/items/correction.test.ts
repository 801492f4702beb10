import { describe, expect, it } from "vitest";
import { normalizeWhitespace, snapshotCorrection, toCorrection } from "./correction";

describe("toCorrection", () => {
  it("is null for the original text, whitespace aside, and the text otherwise", () => {
    expect(toCorrection("Hello  world\n", "Hello world")).toBeNull();
    expect(toCorrection("Hello there", "Hello world")).toBe("Hello there");
    expect(toCorrection("", "Hello world")).toBe("");
    expect(normalizeWhitespace("  a \n\t b  ")).toBe("a b");
  });
});

describe("snapshotCorrection", () => {
  it("is null without a document, and leaves out characters Postgres cannot store", () => {
    expect(snapshotCorrection(null, "Hello world")).toBeNull();
    expect(snapshotCorrection("Hello world", "Hello world")).toBeNull();
    expect(snapshotCorrection("Hello\u0000 there", "Hello world")).toBe("Hello there");
  });
});
