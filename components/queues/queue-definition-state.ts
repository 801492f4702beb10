import { updateQueueDefinitionSchema, type SamplingRule, type UpdateQueueDefinitionInput } from "@/server/queues/schema";
import { fieldForIssuePath, toSamplingRuleDraft, toSamplingRuleInput, type QueueFormState, type SamplingRuleDraft } from "./queue-form-state";
import type { SettingsValidation } from "./use-settings-form";

/** What the edit-queue form holds: the queue's name, instructions, k, lease and rule, numbers as typed. */
export type QueueDefinitionDraft = Pick<QueueFormState, "name" | "instructions" | "overlap" | "leaseSeconds" | "mode"> & SamplingRuleDraft;

type StoredDefinition = { name: string; instructions: string; overlap: number; leaseSeconds: number; mode: string; samplingRule: SamplingRule };

export function toQueueDefinitionDraft(queue: StoredDefinition): QueueDefinitionDraft {
  return {
    name: queue.name,
    instructions: queue.instructions,
    overlap: String(queue.overlap),
    leaseSeconds: String(queue.leaseSeconds),
    mode: queue.mode === "collaborative" ? "collaborative" : "blind",
    ...toSamplingRuleDraft(queue.samplingRule),
  };
}

const definitionSchema = updateQueueDefinitionSchema.omit({ queueId: true });
export type QueueDefinition = Omit<UpdateQueueDefinitionInput, "queueId">;

/** Empty text stays NaN rather than 0, so the schema reports the missing number instead of a wrong one. */
const toNumber = (text: string) => (text.trim() === "" ? Number.NaN : Number(text));

/** Validates with the server's schema and puts each first message on the control it belongs to. */
export function validateQueueDefinition(draft: QueueDefinitionDraft): SettingsValidation<QueueDefinition> {
  const result = definitionSchema.safeParse({
    name: draft.name,
    instructions: draft.instructions,
    overlap: toNumber(draft.overlap),
    leaseSeconds: toNumber(draft.leaseSeconds),
    mode: draft.mode,
    samplingRule: toSamplingRuleInput(draft),
  });
  if (result.success) return { success: true, data: result.data };
  const errors: Record<string, string> = {};
  for (const issue of result.error.issues) {
    errors[fieldForIssuePath(issue.path)] ??= issue.code === "invalid_type" && issue.expected === "number" ? "enter a number" : issue.message;
  }
  return { success: false, errors };
}
