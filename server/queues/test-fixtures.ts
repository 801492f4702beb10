import type { z } from "zod";
import type { createQueueRequestSchema, SamplingRule } from "./schema";

/** A valid queue-create input for tests: one helpful/harmful field, overlap 2, no backfill unless asked. */
export function buildQueueInput(
  samplingRule: Partial<SamplingRule> & { rate: number },
  overrides: Partial<z.input<typeof createQueueRequestSchema>> = {},
): z.input<typeof createQueueRequestSchema> {
  return {
    name: "Support answers",
    instructions: "Is the answer **helpful**?",
    labelSchema: {
      fields: [
        {
          type: "categorical",
          key: "verdict",
          title: "Verdict",
          options: [
            { value: "helpful", title: "Helpful" },
            { value: "harmful", title: "Harmful" },
          ],
        },
      ],
    },
    overlap: 2,
    samplingRule,
    backfill: false,
    ...overrides,
  };
}
