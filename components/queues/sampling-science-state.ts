import type { z } from "zod";
import type { SignalKind } from "@/server/ingest/schema";
import type { SamplingRule, samplingRuleSchema, StrataKind, ThreadMode } from "@/server/queues/schema";

/** The rule's strata, priority, floor, limits and thread mode as the form holds them: numbers as typed. */
export type SamplingScienceDraft = {
  strataBy: StrataKind;
  strataKey: string;
  strataTags: string;
  quotaPerDay: string;
  prioritySignals: SignalKind[];
  priorityScoreBelow: string;
  priorityMultiplier: string;
  explorationFloor: string;
  dailyBudget: string;
  maxPending: string;
  thread: ThreadMode;
  threadIdleMinutes: string;
};

export const initialSamplingScienceDraft: SamplingScienceDraft = {
  strataBy: "none",
  strataKey: "",
  strataTags: "",
  quotaPerDay: "",
  prioritySignals: [],
  priorityScoreBelow: "",
  priorityMultiplier: "1",
  explorationFloor: "0",
  dailyBudget: "",
  maxPending: "",
  thread: "every_output",
  threadIdleMinutes: "30",
};

/** A stored rule's strata, priority, floor, limits and thread mode as the form shows them (no limit: empty). */
export function toSamplingScienceDraft(rule: SamplingRule): SamplingScienceDraft {
  const optional = (value: number | null) => (value === null ? "" : String(value));
  return {
    strataBy: rule.strataBy,
    strataKey: rule.strataKey,
    strataTags: rule.strataTags.join(", "),
    quotaPerDay: optional(rule.quotaPerDay),
    prioritySignals: rule.prioritySignals,
    priorityScoreBelow: optional(rule.priorityScoreBelow),
    priorityMultiplier: String(rule.priorityMultiplier),
    explorationFloor: String(rule.explorationFloor),
    dailyBudget: optional(rule.dailyBudget),
    maxPending: optional(rule.maxPending),
    thread: rule.thread,
    threadIdleMinutes: String(rule.threadIdleMinutes),
  };
}

/** Empty text stays NaN rather than 0, so the schema reports the missing number instead of a wrong one. */
const toNumber = (text: string) => (text.trim() === "" ? Number.NaN : Number(text));
/** An empty optional limit means no limit. */
const toOptionalNumber = (text: string) => (text.trim() === "" ? null : Number(text));

/** The draft as the part of samplingRuleSchema's input it fills in. */
export function toSamplingScienceInput(draft: SamplingScienceDraft): Partial<z.input<typeof samplingRuleSchema>> {
  return {
    strataBy: draft.strataBy,
    strataKey: draft.strataBy === "metadata" ? draft.strataKey.trim() : "",
    strataTags: draft.strataBy === "tag" ? draft.strataTags.split(",").map((tag) => tag.trim()).filter(Boolean) : [],
    quotaPerDay: toOptionalNumber(draft.quotaPerDay),
    prioritySignals: draft.prioritySignals,
    priorityScoreBelow: toOptionalNumber(draft.priorityScoreBelow),
    priorityMultiplier: toNumber(draft.priorityMultiplier),
    explorationFloor: toNumber(draft.explorationFloor),
    dailyBudget: toOptionalNumber(draft.dailyBudget),
    maxPending: toOptionalNumber(draft.maxPending),
    thread: draft.thread,
    threadIdleMinutes: toNumber(draft.threadIdleMinutes),
  };
}
