import { describe, expect, it } from "vitest";
import { VERDICT_LABEL_SCHEMA } from "@/db/seed/loop";
import { ValidationError } from "@/server/lib/errors";
import { checkOptionalParts, validateLabelValues } from "./label-values";

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
    expect(validateLabelValues(VERDICT_LABEL_SCHEMA, { verdict: "harmful" })).toEqual({ verdict: "harmful" });
  });

  it("names the field of a missing, unknown or extra value", () => {
    expect(fieldOf(() => validateLabelValues(VERDICT_LABEL_SCHEMA, {}))).toBe("values.verdict");
    expect(fieldOf(() => validateLabelValues(VERDICT_LABEL_SCHEMA, { verdict: "great" }))).toBe("values.verdict");
    expect(fieldOf(() => validateLabelValues(VERDICT_LABEL_SCHEMA, { verdict: "helpful", tone: "warm" }))).toBe("values.tone");
  });
});

describe("checkOptionalParts", () => {
  it("refuses a note or a correction the queue does not take", () => {
    const strict = { ...VERDICT_LABEL_SCHEMA, allowNote: false, allowCorrection: false };
    expect(fieldOf(() => checkOptionalParts(strict, { note: "hm" }))).toBe("note");
    expect(fieldOf(() => checkOptionalParts(strict, { correctionState: "" }))).toBe("correctionState");
    expect(fieldOf(() => checkOptionalParts(VERDICT_LABEL_SCHEMA, { note: "hm", correctionState: "" }))).toBe("no error");
  });
});
