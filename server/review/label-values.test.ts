import { describe, expect, it } from "vitest";
import { ValidationError } from "@/server/lib/errors";
import { checkOptionalParts, validateLabelValues } from "./label-values";
import { testLabelSchema } from "./testing";

const fieldOf = (run: () => unknown) => {
  try {
    run();
  } catch (error) {
    if (error instanceof ValidationError) return error.field;
    throw error;
  }
  return "no error";
};

describe("validateLabelValues", () => {
  it("accepts one option per field, in schema order", () => {
    expect(validateLabelValues(testLabelSchema, { verdict: "harmful" })).toEqual({ verdict: "harmful" });
  });

  it("names the field of a missing, unknown or extra value", () => {
    expect(fieldOf(() => validateLabelValues(testLabelSchema, {}))).toBe("values.verdict");
    expect(fieldOf(() => validateLabelValues(testLabelSchema, { verdict: "great" }))).toBe("values.verdict");
    expect(fieldOf(() => validateLabelValues(testLabelSchema, { verdict: "helpful", tone: "warm" }))).toBe("values.tone");
  });
});

describe("checkOptionalParts", () => {
  it("refuses a note or a correction the queue does not take", () => {
    const strict = { ...testLabelSchema, allowNote: false, allowCorrection: false };
    expect(fieldOf(() => checkOptionalParts(strict, { note: "hm" }))).toBe("note");
    expect(fieldOf(() => checkOptionalParts(strict, { correctionState: "" }))).toBe("correctionState");
    expect(fieldOf(() => checkOptionalParts(testLabelSchema, { note: "hm", correctionState: "" }))).toBe("no error");
  });
});
