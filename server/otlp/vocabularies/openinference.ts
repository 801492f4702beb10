import { groupIndexed, textOf, type AttributeValue, type Attributes } from "../attributes";
import type { MappedCall } from "./gen-ai";
import { describeToolCall, normalizeRole, toOutput, type MappedMessage } from "./message";

/**
 * One `llm.*_messages.N.message.*` entry: role, name, content (or the text of `contents.M.message_content`)
 * and `tool_calls.M.tool_call.function.{name,arguments}`.
 */
function fromIndexed(entry: Map<string, AttributeValue>, defaultRole: string): MappedMessage {
  const contents = groupIndexed(entry, "message.contents")
    .map((part) => textOf(part.get("message_content.text")) ?? (part.get("message_content.image.image.url") ? `[image: ${String(part.get("message_content.image.image.url"))}]` : ""))
    .filter(Boolean);
  const toolCalls = groupIndexed(entry, "message.tool_calls").map((call) => describeToolCall(call.get("tool_call.function.name"), call.get("tool_call.function.arguments")));
  const text = textOf(entry.get("message.content"));
  const message: MappedMessage = { role: normalizeRole(entry.get("message.role") ?? defaultRole), content: [...(text ? [text] : contents), ...toolCalls].join("\n") };
  const name = textOf(entry.get("message.name"));
  if (name) message.name = name;
  return message;
}

/** OpenInference: `llm.input_messages.N.message.*` / `llm.output_messages.N.message.*`, else `input.value` / `output.value` as text. */
export function mapOpenInference(attributes: Attributes): MappedCall {
  const inputs = groupIndexed(attributes, "llm.input_messages").map((entry) => fromIndexed(entry, "user"));
  const outputs = groupIndexed(attributes, "llm.output_messages").map((entry) => fromIndexed(entry, "assistant"));
  const inputValue = attributes.get("input.value");
  const outputValue = attributes.get("output.value");
  const asText = (value: AttributeValue | undefined) => (value === undefined || value === null ? null : typeof value === "string" ? value : JSON.stringify(value));
  return {
    input: inputs.length > 0 ? inputs : asText(inputValue),
    output: outputs.length > 0 ? toOutput(outputs) : asText(outputValue),
  };
}
