import type { z } from "zod";
import { VERDICT_LABEL_SCHEMA } from "@/db/seed/loop";
import type { createQueueRequestSchema, SamplingRule } from "./schema";

/** A valid queue-create input for tests: the seeded verdict field, overlap 2, no backfill unless asked. */
export function buildQueueInput(
  samplingRule: Partial<SamplingRule> & { rate: number },
  overrides: Partial<z.input<typeof createQueueRequestSchema>> = {},
): z.input<typeof createQueueRequestSchema> {
  return {
    name: "Support answers",
    instructions: "Is the answer **helpful**?",
    labelSchema: VERDICT_LABEL_SCHEMA,
    overlap: 2,
    samplingRule,
    backfill: false,
    ...overrides,
  };
}
