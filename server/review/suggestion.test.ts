import { describe, expect, it } from "vitest";
import { VERDICT_LABEL_SCHEMA } from "@/db/seed/loop";
import { chooseShownSuggestion, showableSuggestion, toTaskSuggestion } from "./suggestion";

const suggestion = { source: "gpt-4o-judge", values: { verdict: "helpful" } };

describe("showableSuggestion", () => {
  it("keeps the values that are options of the queue's fields and drops the rest", () => {
    expect(showableSuggestion(VERDICT_LABEL_SCHEMA, { source: "judge", values: { verdict: "harmful", tone: "rude" } })).toEqual({ source: "judge", values: { verdict: "harmful" } });
    expect(showableSuggestion(VERDICT_LABEL_SCHEMA, { source: "judge", values: { verdict: "excellent" } })).toBeNull();
    expect(showableSuggestion(VERDICT_LABEL_SCHEMA, null)).toBeNull();
  });
});

describe("chooseShownSuggestion", () => {
  it("shows the suggestion as it is at decoy rate 0", () => {
    for (let id = 1; id <= 200; id += 1) expect(chooseShownSuggestion(VERDICT_LABEL_SCHEMA, suggestion, 0, id)).toEqual({ suggestion, isDecoy: false });
  });

  it("swaps in a different option on about the decoy rate of assignments, the same way every time", () => {
    const shown = Array.from({ length: 4_000 }, (_, index) => chooseShownSuggestion(VERDICT_LABEL_SCHEMA, suggestion, 0.25, index + 1));
    const decoys = shown.filter((one) => one.isDecoy);
    expect(Math.abs(decoys.length / shown.length - 0.25)).toBeLessThan(4 * Math.sqrt((0.25 * 0.75) / shown.length));
    expect(decoys.every((one) => one.suggestion.values.verdict !== "helpful" && one.suggestion.source === "gpt-4o-judge")).toBe(true);
    // Both other options come up: the swap is spread over the alternatives, not stuck on one.
    expect(new Set(decoys.map((one) => one.suggestion.values.verdict))).toEqual(new Set(["harmful", "off_topic"]));
    expect(chooseShownSuggestion(VERDICT_LABEL_SCHEMA, suggestion, 0.25, 7)).toEqual(chooseShownSuggestion(VERDICT_LABEL_SCHEMA, suggestion, 0.25, 7));
  });
});

describe("toTaskSuggestion", () => {
  it("carries source and values only", () => {
    expect(toTaskSuggestion({ source: "judge", values: { verdict: "helpful" }, extra: true })).toEqual({ source: "judge", values: { verdict: "helpful" } });
    expect(toTaskSuggestion(null)).toBeNull();
  });
});
