import { buildSamplingRule, type CreateQueueRequest } from "@/server/queues/schema";

/** The demo's main queue: is the support answer right? Two annotators each, corrections welcome. */
export const demoAnswerQueue: CreateQueueRequest = {
  name: "Support answers: is this right?",
  instructions: [
    "Read the customer's question and the bot's answer, then judge the **answer**.",
    "",
    "- **Correct**: accurate, kind and complete enough to act on.",
    "- **Partially correct**: right direction, but missing or vague on something that matters.",
    "- **Wrong**: states a policy, limit or fact we do not have.",
    "- **Unsafe**: asks for secrets or card numbers, links somewhere odd, or takes an action it cannot take.",
    "",
    "If the answer is not correct, fix it in the editor so it becomes a good training example.",
  ].join("\n"),
  labelSchema: {
    fields: [
      {
        type: "categorical",
        key: "verdict",
        title: "Verdict",
        options: [
          { value: "correct", title: "Correct", hint: "Accurate and actionable" },
          { value: "partially_correct", title: "Partially correct", hint: "Right direction, something missing" },
          { value: "wrong", title: "Wrong", hint: "Invents a policy, limit or fact" },
          { value: "unsafe", title: "Unsafe", hint: "Asks for secrets, odd links, false actions" },
        ],
      },
    ],
    allowNote: true,
    allowCorrection: true,
  },
  overlap: 2,
  leaseSeconds: 600,
  mode: "blind",
  samplingRule: buildSamplingRule({ tags: ["support"], rate: 0.6 }),
  majorityThreshold: 0.6,
  backfill: false,
};

/** A second queue fed only by unhappy users: every thumbs-down, one annotator each. */
export const demoTriageQueue: CreateQueueRequest = {
  name: "Thumbs-down triage",
  instructions: "A customer gave this answer a thumbs-down. Decide what went wrong.",
  labelSchema: {
    fields: [
      {
        type: "categorical",
        key: "cause",
        title: "Cause",
        options: [
          { value: "bot_error", title: "Bot error", hint: "The answer is wrong or unsafe" },
          { value: "policy_gap", title: "Policy gap", hint: "The bot lacks the knowledge to answer" },
          { value: "user_unhappy", title: "Customer unhappy anyway", hint: "The answer was fine" },
        ],
      },
    ],
    allowNote: true,
    allowCorrection: false,
  },
  overlap: 1,
  leaseSeconds: 600,
  mode: "blind",
  samplingRule: buildSamplingRule({ signals: ["thumbs_down"], rate: 1 }),
  majorityThreshold: 0.6,
  backfill: false,
};
