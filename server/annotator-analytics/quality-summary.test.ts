import { describe, expect, it } from "vitest";
import { computeWilsonInterval } from "@/server/quality/wilson";
import { summarizeAgreement, summarizeGoldAccuracy, summarizeReliability } from "./quality-summary";

const fittedAt = new Date("2026-11-29T00:00:00Z");

describe("quality summaries across queues", () => {
  it("pools gold checks before taking the Wilson interval", () => {
    const row = (queueId: string, checks: number, correct: number) => ({ annotatorId: "a", queueId, checks, correct, accuracy: correct / checks, lower: 0, upper: 1 });
    const pooled = summarizeGoldAccuracy([row("q1", 10, 9), row("q2", 30, 21)]);
    const expected = computeWilsonInterval(30, 40);
    expect(pooled).toEqual({ checks: 40, correct: 30, accuracy: 0.75, lower: expected.lower, upper: expected.upper });
    expect(summarizeGoldAccuracy([])).toBeNull();
  });

  it("weights each fit's reliability by its labels", () => {
    const row = (fieldKey: string, reliability: number, labelCount: number) => ({ queueId: "q", fieldKey, annotatorId: "a", reliability, labelCount, method: "dawid_skene" as const, fittedAt });
    expect(summarizeReliability([row("f1", 0.9, 30), row("f2", 0.5, 10)])).toEqual({ reliability: 0.8, labelCount: 40, fits: 2 });
    expect(summarizeReliability([])).toBeNull();
  });

  it("has no agreement without shared items", () => {
    expect(summarizeAgreement({ annotatorId: "a", pairs: 0, agreeingPairs: 0, agreement: null })).toBeNull();
    expect(summarizeAgreement({ annotatorId: "a", pairs: 4, agreeingPairs: 3, agreement: 0.75 })).toEqual({ agreement: 0.75, pairs: 4 });
  });
});
