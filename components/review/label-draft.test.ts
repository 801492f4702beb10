import { describe, expect, it } from "vitest";
import { labelFieldSchema } from "@/server/labels/field-types";
import { parseLabelDraft } from "./label-draft";

const verdict = labelFieldSchema.parse({
  type: "categorical",
  key: "verdict",
  title: "Verdict",
  options: [
    { value: "correct", title: "Correct" },
    { value: "wrong", title: "Wrong" },
  ],
});
const quality = labelFieldSchema.parse({ type: "rating", key: "quality", title: "Quality", max: 5, required: false });

describe("label drafts", () => {
  it("restores a stored choice and note", () => {
    expect(parseLabelDraft({ values: { verdict: "wrong" }, note: "made-up limit" }, [verdict])).toEqual({ values: { verdict: "wrong" }, note: "made-up limit" });
  });

  it("drops answers that no longer fit their fields, and fields the queue does not have", () => {
    expect(parseLabelDraft({ values: { verdict: "great", other: "x" }, note: "" }, [verdict])).toEqual({ values: {}, note: "" });
    expect(parseLabelDraft({ values: { verdict: 2, quality: 4 }, note: "" }, [verdict, quality])).toEqual({ values: { quality: 4 }, note: "" });
    expect(parseLabelDraft({ values: { quality: 9 }, note: "" }, [verdict, quality])).toEqual({ values: {}, note: "" });
  });

  it("ignores anything that is not a draft", () => {
    expect(parseLabelDraft("wrong", [verdict])).toBeUndefined();
    expect(parseLabelDraft({ values: {}, note: "x".repeat(5_001) }, [verdict])).toBeUndefined();
  });
});

describe("drafts being written", () => {
  const why = labelFieldSchema.parse({ type: "free_text", key: "why", title: "Why" });
  const rubric = labelFieldSchema.parse({ type: "rubric", key: "rubric", title: "Rubric", criteria: [{ key: "cites", title: "Cites", scale: "pass_fail" }, { key: "tone", title: "Tone", scale: "one_to_five" }] });

  it("keeps text as typed, trailing space included, and a rubric scored in part", () => {
    expect(parseLabelDraft({ values: { why: "Clear ", rubric: { cites: true } }, note: "" }, [why, rubric])).toEqual({ values: { why: "Clear ", rubric: { cites: true } }, note: "" });
  });

  it("drops scores of criteria the rubric no longer has, or of the wrong kind", () => {
    expect(parseLabelDraft({ values: { rubric: { cites: 3, tone: 4, gone: true } }, note: "" }, [rubric])).toEqual({ values: { rubric: { tone: 4 } }, note: "" });
  });
});
