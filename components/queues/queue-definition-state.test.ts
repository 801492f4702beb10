import { describe, expect, it } from "vitest";
import { buildSamplingRule } from "@/server/queues/schema";
import { toQueueDefinitionDraft, validateQueueDefinition } from "./queue-definition-state";

const stored = {
  name: "Support answers",
  instructions: "## Check",
  overlap: 2,
  leaseSeconds: 600,
  mode: "collaborative" as const,
  samplingRule: buildSamplingRule({
    rate: 0.25,
    models: ["bot-1", "bot-2"],
    tags: ["support"],
    metadata: { locale: "en", attempt: 2, beta: true, code: "42", quoted: '"x"' },
    signals: ["thumbs_down"],
    strataBy: "tag",
    strataTags: ["billing", "refunds"],
    quotaPerDay: 20,
    prioritySignals: ["regenerate"],
    priorityMultiplier: 4,
    explorationFloor: 0.01,
    dailyBudget: 300,
    thread: "last_turn",
    threadIdleMinutes: 45,
  }),
};

describe("the edit-queue form", () => {
  it("gives back the stored definition when nothing is edited, metadata types included", () => {
    const validation = validateQueueDefinition(toQueueDefinitionDraft(stored));
    expect(validation).toEqual({ success: true, data: stored });
  });

  it("names the control of each problem", () => {
    const draft = { ...toQueueDefinitionDraft(stored), name: " ", overlap: "", leaseSeconds: "5", rate: "2", strataTags: "" };
    const validation = validateQueueDefinition({ ...draft, science: { ...draft.science, strataTags: "" } });
    expect(validation).toEqual({
      success: false,
      errors: { name: "name the queue", overlap: "enter a number", leaseSeconds: "lease is at least 30 seconds", rate: "rate is between 0 and 1", strataTags: "name at least one tag to split the strata by" },
    });
  });
});
