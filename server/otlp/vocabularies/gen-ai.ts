import { groupIndexed, structuredOf, textOf, type AttributeValue } from "../attributes";
import { describeToolCall, normalizeRole, partsToText, toMessages, toOutput, type MappedConversation, type MappedMessage } from "./message";
import { MAX_CANDIDATES } from "@/server/ingest/schema";
import { findAttribute, type SpanView } from "./span-view";

/**
 * The input and output a span's GenAI attributes carry; each side null when that vocabulary has none.
 * `warnings` name attributes that were present but unreadable, and so read past.
 */
export type MappedCall = {
  input: MappedConversation | null;
  output: MappedConversation | null;
  /** Two or more choices the model returned for one request (n > 1), each an output of its own; null otherwise. */
  candidates?: MappedConversation[] | null;
  warnings?: string[];
};

/**
 * In the current conventions each `gen_ai.output.messages` entry is one choice and carries its own
 * `finish_reason`; two or more assistant choices are candidates, as `candidates` at the REST API (the
 * first MAX_CANDIDATES of them: a pairwise field compares the first two anyway).
 */
function readChoices(span: SpanView, messages: MappedMessage[] | null): MappedConversation[] | null {
  const raw = structuredOf(findAttribute(span, "gen_ai.output.messages"));
  if (!messages || messages.length < 2 || !Array.isArray(raw) || raw.length !== messages.length) return null;
  const isChoice = (entry: unknown, index: number) => typeof entry === "object" && entry !== null && "finish_reason" in entry && messages[index]!.role === "assistant";
  return raw.every(isChoice) ? messages.slice(0, MAX_CANDIDATES).map((message) => toOutput([message])) : null;
}

/** A GenAI message attribute as messages; a warning when it is present but not a list of messages (bad JSON, say). */
function readMessageAttribute(span: SpanView, key: string): { messages: MappedMessage[] | null; warning: string | null } {
  const value = findAttribute(span, key);
  const messages = toMessages(structuredOf(value));
  const isUnreadable = value !== undefined && value !== null && messages === null;
  return { messages, warning: isUnreadable ? `${key} is not a list of messages (JSON text or an array) and was ignored` : null };
}

/**
 * Current GenAI semantic conventions: `gen_ai.system_instructions`, `gen_ai.input.messages` and
 * `gen_ai.output.messages` ({role, parts}), as JSON text or structured values, on the span or on one of
 * its events (`gen_ai.client.inference.operation.details`).
 */
export function mapCurrentGenAi(span: SpanView): MappedCall {
  const inputMessages = readMessageAttribute(span, "gen_ai.input.messages");
  const instructions = partsToText(structuredOf(findAttribute(span, "gen_ai.system_instructions")));
  const input = instructions ? [{ role: "system", content: instructions }, ...(inputMessages.messages ?? [])] : inputMessages.messages;
  const outputMessages = readMessageAttribute(span, "gen_ai.output.messages");
  const output = outputMessages.messages;
  const candidates = readChoices(span, output);
  return {
    input: input && input.length > 0 ? input : null,
    output: candidates ? candidates[0]! : output && output.length > 0 ? toOutput(output) : null,
    candidates,
    warnings: [inputMessages.warning, outputMessages.warning].filter((warning) => warning !== null),
  };
}

/** One indexed legacy message: `role`, `content` and, on completions, `tool_calls.N.name` / `.arguments`. */
function fromIndexed(entry: Map<string, AttributeValue>, defaultRole: string): MappedMessage {
  const toolCalls = groupIndexed(entry, "tool_calls").map((call) => describeToolCall(call.get("name"), call.get("arguments")));
  const content = [textOf(entry.get("content")) ?? "", ...toolCalls].filter(Boolean).join("\n");
  return { role: normalizeRole(entry.get("role") ?? defaultRole), content };
}

/** `gen_ai.prompt` / `gen_ai.completion` as one value (the `gen_ai.content.*` events): messages JSON or text. */
function fromWhole(value: AttributeValue | undefined, defaultRole: string): MappedMessage[] | null {
  if (value === undefined || value === null) return null;
  const structured = structuredOf(value);
  return toMessages(structured) ?? [{ role: defaultRole, content: typeof structured === "string" ? structured : JSON.stringify(structured) }];
}

/** Older GenAI names: indexed `gen_ai.prompt.N.*` and `gen_ai.completion.N.*`, or whole `gen_ai.prompt` / `gen_ai.completion`. */
export function mapLegacyGenAi(span: SpanView): MappedCall {
  const prompts = groupIndexed(span.attributes, "gen_ai.prompt").map((entry) => fromIndexed(entry, "user"));
  const completions = groupIndexed(span.attributes, "gen_ai.completion").map((entry) => fromIndexed(entry, "assistant"));
  const input = prompts.length > 0 ? prompts : fromWhole(findAttribute(span, "gen_ai.prompt"), "user");
  const output = completions.length > 0 ? completions : fromWhole(findAttribute(span, "gen_ai.completion"), "assistant");
  return { input: input && input.length > 0 ? input : null, output: output && output.length > 0 ? toOutput(output) : null };
}
