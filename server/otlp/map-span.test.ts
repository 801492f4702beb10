import { describe, expect, it } from "vitest";
import { normalizeId } from "./ids";
import { mapSpan } from "./map-span";
import type { OtlpSpan } from "./schema";
import { METADATA_MAX_KEYS } from "./span-metadata";

const text = (stringValue: string) => ({ stringValue });
const span = (attributes: [string, unknown][], overrides: Partial<OtlpSpan> = {}): OtlpSpan => ({
  traceId: "5b8efff798038103d269b633813fc60c",
  spanId: "00f067aa0ba902b7",
  name: "chat",
  attributes: attributes.map(([key, value]) => ({ key, value: value as OtlpSpan["attributes"][number]["value"] })),
  events: [],
  ...overrides,
});
const origin = { resource: new Map([["service.name", "bot"]]), scopeName: "scope" };
const itemOf = (input: OtlpSpan) => {
  const outcome = mapSpan(input, origin);
  if (outcome.kind !== "output") throw new Error(`expected an output, got ${JSON.stringify(outcome)}`);
  return outcome.item;
};

describe("normalizeId", () => {
  it("takes hex or base64 of the right length and refuses the rest", () => {
    expect(normalizeId("00F067AA0BA902B7", 8)).toBe("00f067aa0ba902b7");
    expect(normalizeId(Buffer.from("00f067aa0ba902b7", "hex").toString("base64"), 8)).toBe("00f067aa0ba902b7");
    expect(normalizeId("0000000000000000", 8)).toBeNull();
    expect(normalizeId("abc", 8)).toBeNull();
    expect(normalizeId("5b8efff798038103d269b633813fc60c", 8)).toBeNull();
  });
});

describe("mapSpan", () => {
  it("turns GenAI parts into text: tool calls described, tool results kept, reasoning left out, roles normalised", () => {
    const item = itemOf(
      span([
        ["gen_ai.operation.name", text("chat")],
        ["gen_ai.input.messages", { arrayValue: { values: [{ kvlistValue: { values: [{ key: "role", value: text("user") }, { key: "parts", value: { arrayValue: { values: [{ kvlistValue: { values: [{ key: "type", value: text("text") }, { key: "content", value: text("Weather?") }] } }] } } }] } }] } }],
        ["gen_ai.output.messages", text(JSON.stringify([{ role: "model", parts: [{ type: "reasoning", content: "hmm" }, { type: "text", content: "Rain." }] }, { role: "tool", parts: [{ type: "tool_call_response", response: { temp: 12 } }] }]))],
      ]),
    );
    expect(item.input).toEqual([{ role: "user", content: "Weather?" }]);
    expect(item.output).toEqual([
      { role: "assistant", content: "Rain." },
      { role: "tool", content: '{"temp":12}' },
    ]);
  });

  it("takes two or more assistant choices (each with its finish_reason) as candidates, the first as the output", () => {
    const choice = (content: string) => ({ role: "assistant", parts: [{ type: "text", content }], finish_reason: "stop" });
    const item = itemOf(
      span([
        ["gen_ai.operation.name", text("chat")],
        ["gen_ai.input.messages", text(JSON.stringify([{ role: "user", parts: [{ type: "text", content: "Refunds?" }] }]))],
        ["gen_ai.output.messages", text(JSON.stringify([choice("24 hours."), choice("5 to 7 days.")]))],
      ]),
    );
    expect(item.output).toBe("24 hours.");
    expect(item.candidates).toEqual([{ output: "24 hours." }, { output: "5 to 7 days." }]);
    // One choice, or messages without finish_reason (a transcript, not choices), are one output.
    const single = itemOf(span([["gen_ai.input.messages", text('[{"role":"user","content":"Hi"}]')], ["gen_ai.output.messages", text(JSON.stringify([choice("Hello.")]))]]));
    expect(single.candidates).toBeUndefined();
  });

  it("reads indexed older GenAI names in index order, with completion tool calls", () => {
    const item = itemOf(
      span([
        ["gen_ai.prompt.10.content", text("tenth")],
        ["gen_ai.prompt.2.content", text("second")],
        ["gen_ai.completion.0.tool_calls.0.name", text("lookup")],
        ["gen_ai.completion.0.tool_calls.0.arguments", text('{"id":1}')],
      ]),
    );
    expect(item.input).toEqual([
      { role: "user", content: "second" },
      { role: "user", content: "tenth" },
    ]);
    expect(item.output).toBe('[tool call] lookup({"id":1})');
  });

  it("skips spans of no LLM vocabulary and agent spans, and rejects an LLM span without output", () => {
    expect(mapSpan(span([["http.route", text("/x")]]), origin)).toEqual({ kind: "skipped" });
    expect(mapSpan(span([["gen_ai.operation.name", text("invoke_agent")], ["gen_ai.input.messages", text("[]")]]), origin)).toEqual({ kind: "skipped" });
    expect(mapSpan(span([["openinference.span.kind", text("LLM")], ["input.value", text("hi")]]), origin)).toMatchObject({ kind: "rejected", reason: expect.stringContaining("has no output messages") });
  });

  it("keeps raw attributes in metadata within the ingest limits", () => {
    const many: [string, unknown][] = Array.from({ length: METADATA_MAX_KEYS + 5 }, (_, index) => [`custom.${index}`, { intValue: String(index) }]);
    const item = itemOf(
      span([
        ["llm.model_name", text("m")],
        ["input.value", text("q")],
        ["output.value", text("a")],
        ["long.text", text("x".repeat(5_000))],
        ["list", { arrayValue: { values: [text("a"), { boolValue: true }] } }],
        ["big", { intValue: "9223372036854775807" }],
        [`k${"e".repeat(120)}`, text("dropped")],
        ["nul", text("a\u0000b")],
        ["constructor", text("kept")],
        ["__proto__", text("kept too")],
        ...many,
      ]),
    );
    const metadata = item.metadata as Record<string, unknown>;
    expect((metadata["long.text"] as string).length).toBe(2_000);
    expect(metadata.list).toBe('["a",true]');
    expect(metadata.big).toBe("9223372036854775807");
    expect(metadata.nul).toBe("ab");
    expect(Object.hasOwn(metadata, "constructor") && Object.hasOwn(metadata, "__proto__")).toBe(true);
    expect(Object.getPrototypeOf(metadata)).toBe(Object.prototype);
    expect(metadata).not.toHaveProperty("input.value");
    expect(metadata["otel.scope.name"]).toBe("scope");
    expect(Object.keys(metadata).filter((key) => key !== "otel.dropped_attributes")).toHaveLength(METADATA_MAX_KEYS);
    expect(metadata["otel.dropped_attributes"]).toBeGreaterThan(5);
  });
});
