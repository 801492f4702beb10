import type { ChatMessage } from "@/server/ingest/schema";

/**
 * The text an annotator corrects: the output itself, or the assistant's last message when the output is a
 * conversation. Client-safe: the review page and the correction document both start from it.
 */
export function conversationToText(conversation: unknown): string {
  if (typeof conversation === "string") return conversation;
  if (!Array.isArray(conversation)) return "";
  const messages = conversation as ChatMessage[];
  const lastAssistant = [...messages].reverse().find((message) => message.role === "assistant");
  return (lastAssistant ?? messages[messages.length - 1])?.content ?? "";
}
