import { stripUnstorableText } from "@/server/lib/safe-text";
import { structuredOf, textOf, toAttributes, type Attributes } from "./attributes";
import { normalizeId } from "./ids";
import type { OtlpSpan } from "./schema";
import { buildSpanMetadata } from "./span-metadata";
import { isLlmSpan } from "./vocabularies/classify";
import { mapCurrentGenAi, mapLegacyGenAi, type MappedCall } from "./vocabularies/gen-ai";
import { isEmptyConversation } from "./vocabularies/message";
import { mapOpenInference } from "./vocabularies/openinference";
import type { SpanView } from "./vocabularies/span-view";

/** Where a span came from: its resource's attributes and its instrumentation scope. */
export type SpanOrigin = { resource: Attributes; scopeName: string | undefined };

export type SpanOutcome =
  | { kind: "skipped" }
  | { kind: "rejected"; reason: string }
  /** An item for ingestOutputs, which validates it like any REST item; `warnings` name what was read past. */
  | { kind: "output"; item: Record<string, unknown>; warnings: string[] };

/** The external_id of a span's output: trace and span id together, so a re-sent span is a duplicate. */
export const otlpExternalId = (traceId: string, spanId: string) => `otlp-${traceId}-${spanId}`;

const NANOS_PER_MS = 1_000_000n;
const toMillis = (nanos: string | number | undefined) => (nanos === undefined ? undefined : Number(BigInt(nanos) / NANOS_PER_MS));
/** A span time as ISO text; undefined when unset (0) or past what a Date holds, so ingest uses now. */
function toIsoTime(millis: number | undefined): string | undefined {
  if (!millis) return undefined;
  const date = new Date(millis);
  return Number.isNaN(date.getTime()) ? undefined : date.toISOString();
}

/** Input and output by precedence: current GenAI names, then older GenAI names, then OpenInference. */
function mapCall(view: SpanView): MappedCall & { warnings: string[] } {
  const vocabularies = [mapCurrentGenAi(view), mapLegacyGenAi(view), mapOpenInference(view.attributes)];
  const answering = vocabularies.find((call) => !isEmptyConversation(call.output));
  return {
    input: vocabularies.map((call) => call.input).find((side) => !isEmptyConversation(side)) ?? null,
    output: answering?.output ?? null,
    candidates: answering?.candidates ?? null,
    warnings: vocabularies.flatMap((call) => call.warnings ?? []),
  };
}

/** `tag.tags`: a list of text, or JSON text of one. */
function tagsOf(attributes: Attributes): string[] {
  const tags = structuredOf(attributes.get("tag.tags"));
  if (!Array.isArray(tags)) return [];
  const texts = tags.filter((tag): tag is string => typeof tag === "string").map((tag) => stripUnstorableText(tag).trim().slice(0, 100)).filter(Boolean);
  return [...new Set(texts)].slice(0, 50);
}

const MISSING_INPUT = "has no input messages (looked for gen_ai.input.messages, gen_ai.prompt.N.*, gen_ai.prompt, llm.input_messages.N.message.*, input.value)";
const MISSING_OUTPUT = "has no output messages (looked for gen_ai.output.messages, gen_ai.completion.N.*, gen_ai.completion, llm.output_messages.N.message.*, output.value)";

/** Maps one OTLP span to an ingest item, or says why it is skipped (not an LLM call) or rejected. */
export function mapSpan(span: OtlpSpan, origin: SpanOrigin): SpanOutcome {
  const view: SpanView = { attributes: toAttributes(span.attributes), events: span.events.map((event) => ({ name: event.name, attributes: toAttributes(event.attributes) })) };
  if (!isLlmSpan(view)) return { kind: "skipped" };
  const traceId = normalizeId(span.traceId, 16);
  const spanId = normalizeId(span.spanId, 8);
  if (!traceId) return { kind: "rejected", reason: "traceId must be 16 bytes (32 hex characters), not all zeros" };
  if (!spanId) return { kind: "rejected", reason: "spanId must be 8 bytes (16 hex characters), not all zeros" };
  const { input, output, candidates, warnings } = mapCall(view);
  if (isEmptyConversation(input)) return { kind: "rejected", reason: MISSING_INPUT };
  if (isEmptyConversation(output)) return { kind: "rejected", reason: MISSING_OUTPUT };

  const attributes = view.attributes;
  const startMs = toMillis(span.startTimeUnixNano);
  const endMs = toMillis(span.endTimeUnixNano);
  const producedMs = endMs || startMs;
  const item: Record<string, unknown> = {
    external_id: otlpExternalId(traceId, spanId),
    trace_id: traceId,
    input,
    output,
    ...(candidates ? { candidates: candidates.map((candidate) => ({ output: candidate })) } : {}),
    tags: tagsOf(attributes),
    metadata: buildSpanMetadata(attributes, origin.resource, { spanName: span.name, scopeName: origin.scopeName, durationMs: startMs && endMs ? endMs - startMs : undefined }),
  };
  const optional: Record<string, string | undefined> = {
    session_id: textOf(attributes.get("gen_ai.conversation.id")) ?? textOf(attributes.get("session.id")),
    end_user_id: textOf(attributes.get("user.id")) ?? textOf(attributes.get("enduser.id")),
    model: textOf(attributes.get("gen_ai.response.model")) ?? textOf(attributes.get("gen_ai.request.model")) ?? textOf(attributes.get("llm.model_name")),
    produced_at: toIsoTime(producedMs),
  };
  for (const [key, value] of Object.entries(optional)) if (value) item[key] = value;
  return { kind: "output", item, warnings };
}
