import { textOf } from "../attributes";
import type { SpanView } from "./span-view";

/** GenAI operations whose span is one model call with a prompt and a completion. */
const LLM_OPERATIONS = new Set(["chat", "text_completion", "generate_content"]);

/**
 * Whether a span is one LLM call. Agent, tool, embedding and retrieval spans of either vocabulary, and
 * spans of neither (HTTP, database), are not: they are skipped, neither stored nor counted as rejected.
 */
export function isLlmSpan(span: SpanView): boolean {
  const operation = textOf(span.attributes.get("gen_ai.operation.name"));
  if (operation !== undefined) return LLM_OPERATIONS.has(operation);
  const kind = textOf(span.attributes.get("openinference.span.kind"));
  if (kind !== undefined) return kind.toUpperCase() === "LLM";
  const isLlmKey = (key: string) => key.startsWith("gen_ai.") || key.startsWith("llm.");
  return [...span.attributes.keys()].some(isLlmKey) || span.events.some((event) => [...event.attributes.keys()].some(isLlmKey));
}
