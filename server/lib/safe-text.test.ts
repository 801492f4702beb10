import { describe, expect, it } from "vitest";
import { z } from "zod";
import { isSafeTextSchema, isUnstorableText, safeText, stripUnstorableText, UNSTORABLE_TEXT_REASON } from "./safe-text";

describe("unstorable text", () => {
  it("finds NUL and unpaired surrogates, and lets emoji and other text through", () => {
    expect(isUnstorableText("ok 👍 ünïcode")).toBe(false);
    expect(isUnstorableText("x\u0000")).toBe(true);
    expect(isUnstorableText("half \ud83d")).toBe(true);
    expect(isUnstorableText("\udc00 low first")).toBe(true);
    expect(isUnstorableText("\ude00\ud83d")).toBe(true);
  });

  it("strips exactly what Postgres cannot store", () => {
    expect(stripUnstorableText("a\u0000b\ud83dc\udc00d 👍")).toBe("abcd 👍");
    const clean = "nothing to strip 👍";
    expect(stripUnstorableText(clean)).toBe(clean);
  });
});

describe("safeText", () => {
  const schema = z.object({ name: safeText(10, { trim: true }).min(1, "enter a name") });

  it("refuses NUL and lone surrogates naming the field, and bounds the length after trimming", () => {
    for (const name of ["a\u0000", "b\ud800"]) {
      const issues = schema.safeParse({ name }).error?.issues;
      expect(issues).toEqual([expect.objectContaining({ path: ["name"], message: UNSTORABLE_TEXT_REASON })]);
    }
    expect(schema.safeParse({ name: "x".repeat(11) }).error?.issues[0]).toMatchObject({ path: ["name"], message: "use at most 10 characters" });
    expect(schema.parse({ name: "  padded 10  " })).toEqual({ name: "padded 10" });
    expect(schema.safeParse({ name: 7 }).success).toBe(false);
  });

  it("is recognisable after chaining, and plain strings are not", () => {
    expect(isSafeTextSchema(safeText(5).trim().regex(/^a/).min(1))).toBe(true);
    expect(isSafeTextSchema(z.string().max(5))).toBe(false);
    expect(isSafeTextSchema(z.string().refine(() => true))).toBe(false);
  });
});
