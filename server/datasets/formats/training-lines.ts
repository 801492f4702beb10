import { goldAssistantText, inputToMessages, type TrainingMessage } from "./conversation";
import type { DpoStyle } from "./schema";

/** What a training line is built from: the row's stored input, its gold correction and its original output's text. */
export type TrainingSource = { input: unknown; correction: string | null; outputText: string };

/** A training format's line as Postgres renders it, `[input, correction, original output text]`, parsed. */
export function parseTrainingSource(line: string): TrainingSource {
  const [input, correction, outputText] = JSON.parse(line) as [unknown, string | null, string];
  return { input, correction, outputText };
}

type WeightedMessage = TrainingMessage & { weight?: 0 };

/**
 * One OpenAI chat fine-tuning example: the prompt turns, then the gold answer as the one final assistant
 * message. Assistant turns earlier in the prompt are context, so they carry `weight: 0` and only the gold
 * answer is trained on.
 */
export function toOpenAiChatExample(row: TrainingSource): { messages: WeightedMessage[] } {
  const prompt = inputToMessages(row.input).map((message): WeightedMessage => (message.role === "assistant" ? { ...message, weight: 0 } : message));
  return { messages: [...prompt, { role: "assistant", content: goldAssistantText(row) }] };
}

/**
 * One preference pair from a corrected row: the correction is chosen, the original output rejected. The
 * caller passes only rows whose correction differs from the original (the query selects them).
 */
export function toPreferencePair(row: TrainingSource & { correction: string }, style: DpoStyle) {
  const prompt = inputToMessages(row.input);
  const chosen: TrainingMessage = { role: "assistant", content: row.correction };
  const rejected: TrainingMessage = { role: "assistant", content: row.outputText };
  switch (style) {
    case "trl":
      return { prompt, chosen: [chosen], rejected: [rejected] };
    case "openai":
      return { input: { messages: prompt }, preferred_output: [chosen], non_preferred_output: [rejected] };
  }
}
