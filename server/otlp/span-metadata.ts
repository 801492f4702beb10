import { stripUnstorableText } from "@/server/lib/safe-text";
import { numberOf, textOf, type AttributeValue, type Attributes } from "./attributes";

/** Metadata limits of the ingest schema, and a cap on keys so one chatty span cannot bloat its row. */
export const METADATA_TEXT_LIMIT = 2_000;
export const METADATA_KEY_LIMIT = 100;
export const METADATA_MAX_KEYS = 200;

type MetadataValue = string | number | boolean | null;

/** Attributes that become the output's input and output; copying them into metadata would repeat them, cut short. */
const CONTENT_KEYS = new Set(["gen_ai.input.messages", "gen_ai.output.messages", "gen_ai.system_instructions", "gen_ai.prompt", "gen_ai.completion", "input.value", "output.value"]);
const CONTENT_PREFIXES = ["gen_ai.prompt.", "gen_ai.completion.", "llm.input_messages.", "llm.output_messages."];
const isContentKey = (key: string) => CONTENT_KEYS.has(key) || CONTENT_PREFIXES.some((prefix) => key.startsWith(prefix));

const truncate = (text: string) => {
  const storable = stripUnstorableText(text);
  return storable.length > METADATA_TEXT_LIMIT ? `${storable.slice(0, METADATA_TEXT_LIMIT - 1)}…` : storable;
};

/** A metadata value: text cut to 2,000 characters, finite numbers, booleans, null; lists and maps as JSON text. */
function toMetadataValue(value: AttributeValue): MetadataValue {
  if (value === null || typeof value === "boolean") return value;
  if (typeof value === "number") return Number.isFinite(value) ? value : null;
  if (typeof value === "string") return truncate(value);
  return truncate(JSON.stringify(value));
}

const first = <T>(...values: (T | undefined)[]) => values.find((value) => value !== undefined);

/** The current GenAI names filled in from older GenAI and OpenInference names, so filters need one vocabulary. */
function normalizedKeys(attributes: Attributes): [string, AttributeValue | undefined][] {
  const get = (key: string) => attributes.get(key);
  return [
    ["gen_ai.provider.name", first(textOf(get("gen_ai.provider.name")), textOf(get("gen_ai.system")), textOf(get("llm.provider")), textOf(get("llm.system")))],
    ["gen_ai.usage.input_tokens", first(numberOf(get("gen_ai.usage.input_tokens")), numberOf(get("gen_ai.usage.prompt_tokens")), numberOf(get("llm.token_count.prompt")))],
    ["gen_ai.usage.output_tokens", first(numberOf(get("gen_ai.usage.output_tokens")), numberOf(get("gen_ai.usage.completion_tokens")), numberOf(get("llm.token_count.completion")))],
  ];
}

export type SpanContext = { spanName: string; scopeName: string | undefined; durationMs: number | undefined };

/**
 * A span's metadata: normalized GenAI names, the span's name, scope and duration, then the resource's
 * and the span's own attributes (the span's win), except the message content. Keys over 100 characters
 * and keys past the 200th are dropped, and `otel.dropped_attributes` counts them.
 */
export function buildSpanMetadata(span: Attributes, resource: Attributes, context: SpanContext): Record<string, MetadataValue> {
  // A Map, so keys such as `constructor` or `__proto__` are data like any other.
  const metadata = new Map<string, MetadataValue>();
  let dropped = 0;
  const put = (key: string, value: AttributeValue | undefined) => {
    if (value === undefined || isContentKey(key)) return;
    const storableKey = stripUnstorableText(key);
    if (metadata.has(storableKey)) return;
    if (storableKey === "" || storableKey.length > METADATA_KEY_LIMIT || metadata.size >= METADATA_MAX_KEYS) {
      dropped += 1;
      return;
    }
    metadata.set(storableKey, toMetadataValue(value));
  };
  for (const [key, value] of normalizedKeys(span)) put(key, value);
  put("otel.span.name", context.spanName);
  put("otel.scope.name", context.scopeName);
  put("otel.span.duration_ms", context.durationMs);
  for (const [key, value] of span) put(key, value);
  for (const [key, value] of resource) put(key, value);
  if (dropped > 0) metadata.set("otel.dropped_attributes", dropped);
  return Object.fromEntries(metadata);
}
