import { describe, expect, it } from "vitest";
import type { CategoricalField } from "@/server/queues/schema";
import { parseLabelDraft } from "./label-draft";

const verdict: CategoricalField = {
  type: "categorical",
  key: "verdict",
  title: "Verdict",
  options: [
    { value: "correct", title: "Correct" },
    { value: "wrong", title: "Wrong" },
  ],
};

describe("label drafts", () => {
  it("restores a stored choice and note", () => {
    expect(parseLabelDraft({ values: { verdict: "wrong" }, note: "made-up limit" }, [verdict])).toEqual({ values: { verdict: "wrong" }, note: "made-up limit" });
  });

  it("drops choices that are no longer options, and fields the queue does not have", () => {
    expect(parseLabelDraft({ values: { verdict: "great", other: "x" }, note: "" }, [verdict])).toEqual({ values: {}, note: "" });
  });

  it("ignores anything that is not a draft", () => {
    expect(parseLabelDraft("wrong", [verdict])).toBeUndefined();
    expect(parseLabelDraft({ values: { verdict: 2 }, note: "" }, [verdict])).toBeUndefined();
    expect(parseLabelDraft({ values: {}, note: "x".repeat(5_001) }, [verdict])).toBeUndefined();
  });
});
