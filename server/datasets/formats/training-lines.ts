import { inputToMessages, type TrainingMessage } from "./conversation";
import type { DpoStyle } from "./schema";

/**
 * What a training line is built from: the row's stored input, the text gold prefers (its correction, or on a
 * pairwise row the winning candidate; null when there is neither) and the text it is preferred over (the
 * original output, or the losing candidate).
 */
export type TrainingSource = { input: unknown; preferred: string | null; rejected: string };

/** A training format's line as Postgres renders it, `[input, preferred text, rejected text]`, parsed. */
export function parseTrainingSource(line: string): TrainingSource {
  const [input, preferred, rejected] = JSON.parse(line) as [unknown, string | null, string];
  return { input, preferred, rejected };
}

type WeightedMessage = TrainingMessage & { weight?: 0 };

/**
 * One OpenAI chat fine-tuning example: the prompt turns, then the gold answer as the one final assistant
 * message. Assistant turns earlier in the prompt are context, so they carry `weight: 0` and only the gold
 * answer is trained on.
 */
export function toOpenAiChatExample(row: TrainingSource): { messages: WeightedMessage[] } {
  const prompt = inputToMessages(row.input).map((message): WeightedMessage => (message.role === "assistant" ? { ...message, weight: 0 } : message));
  return { messages: [...prompt, { role: "assistant", content: row.preferred ?? row.rejected }] };
}

/**
 * One preference pair: the correction chosen over the original output, or the winning candidate over the
 * losing one. The caller passes only rows whose two texts differ (the query selects them).
 */
export function toPreferencePair(row: TrainingSource & { preferred: string }, style: DpoStyle) {
  const prompt = inputToMessages(row.input);
  const chosen: TrainingMessage = { role: "assistant", content: row.preferred };
  const rejected: TrainingMessage = { role: "assistant", content: row.rejected };
  switch (style) {
    case "trl":
      return { prompt, chosen: [chosen], rejected: [rejected] };
    case "openai":
      return { input: { messages: prompt }, preferred_output: [chosen], non_preferred_output: [rejected] };
  }
}
