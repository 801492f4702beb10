import type { AttributeValue } from "../attributes";

/** A chat message as the ingest schema takes it; an unknown role is passed on for ingest to reject by name. */
export type MappedMessage = { role: string; content: string; name?: string };
/** One side of a call: chat messages, or plain text (OpenInference `input.value`). */
export type MappedConversation = MappedMessage[] | string;

type Json = AttributeValue;
const isRecord = (value: Json | undefined): value is { [key: string]: Json } => typeof value === "object" && value !== null && !Array.isArray(value);
const asText = (value: Json | undefined): string => (value === undefined || value === null ? "" : typeof value === "string" ? value : JSON.stringify(value));

/** Provider and framework role names that mean one of ours. */
const ROLE_ALIASES: Record<string, string> = { model: "assistant", ai: "assistant", human: "user", function: "tool" };
export const normalizeRole = (role: Json | undefined): string => {
  const text = asText(role).trim().toLowerCase();
  return ROLE_ALIASES[text] ?? text;
};

/** A tool call as readable text, so a reviewer sees what the model asked for. */
export const describeToolCall = (name: Json | undefined, args: Json | undefined) => `[tool call] ${asText(name) || "unnamed"}(${asText(args)})`;

/**
 * One GenAI message part as text: text and tool results as they are, tool calls described, media as a
 * placeholder naming its URI or type. Reasoning parts are left out: they are not what the user was shown.
 */
function partToText(part: Json): string | null {
  if (typeof part === "string") return part;
  if (!isRecord(part)) return null;
  switch (part.type) {
    case "reasoning":
      return null;
    case "tool_call":
      return describeToolCall(part.name, part.arguments);
    case "tool_call_response":
      return asText(part.response ?? part.result ?? part.content);
    case "text":
      return asText(part.content ?? part.text);
    default:
      if (typeof part.content === "string") return part.content;
      return `[${asText(part.modality ?? part.type) || "part"}${part.uri ? `: ${asText(part.uri)}` : ""}]`;
  }
}

/** The parts of a message (or system instructions) joined as text. */
export function partsToText(parts: Json | undefined): string {
  if (parts === undefined || parts === null) return "";
  if (!Array.isArray(parts)) return partToText(parts) ?? "";
  return parts
    .map(partToText)
    .filter((text): text is string => text !== null && text !== "")
    .join("\n");
}

/**
 * A message list in the GenAI shape ({role, parts}) or the OpenAI shape ({role, content}); null when the
 * value is not a list of messages at all.
 */
export function toMessages(value: Json | undefined): MappedMessage[] | null {
  if (!Array.isArray(value)) return null;
  const messages: MappedMessage[] = [];
  for (const item of value) {
    if (!isRecord(item)) return null;
    const content = item.parts !== undefined ? partsToText(item.parts) : partsToText(item.content);
    const toolCalls = Array.isArray(item.tool_calls) ? item.tool_calls.map((call) => (isRecord(call) && isRecord(call.function) ? describeToolCall(call.function.name, call.function.arguments) : asText(call))) : [];
    const message: MappedMessage = { role: normalizeRole(item.role ?? "user"), content: [content, ...toolCalls].filter(Boolean).join("\n") };
    if (typeof item.name === "string" && item.name !== "") message.name = item.name;
    messages.push(message);
  }
  return messages;
}

/**
 * What the model produced: the text of a lone assistant message (as the REST API's plain `output`), or
 * the messages when there are several or they are not the assistant's.
 */
export function toOutput(messages: MappedMessage[]): MappedConversation {
  const [only] = messages;
  return messages.length === 1 && only && only.role === "assistant" && !only.name ? only.content : messages;
}

export const isEmptyConversation = (conversation: MappedConversation | null | undefined): boolean =>
  conversation === null || conversation === undefined || (typeof conversation === "string" ? conversation.trim() === "" : conversation.length === 0);
