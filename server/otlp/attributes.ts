import type { AnyValueInput, KeyValueInput } from "./schema";

/** An OTLP AnyValue as plain JSON: arrays and key-value lists nest, bytes stay base64 text. */
export type AttributeValue = string | number | boolean | null | AttributeValue[] | { [key: string]: AttributeValue };
export type Attributes = ReadonlyMap<string, AttributeValue>;

/** An int64 as a number when it is exact, else as its decimal text (token counts never reach 2^53). */
function fromInt64(value: string | number): number | string {
  const number = Number(value);
  return Number.isSafeInteger(number) ? number : String(value);
}

/** The one value an AnyValue holds; an empty AnyValue is null. */
export function toAttributeValue(value: AnyValueInput | undefined): AttributeValue {
  if (!value) return null;
  if (value.stringValue !== undefined) return value.stringValue;
  if (value.boolValue !== undefined) return value.boolValue;
  if (value.intValue !== undefined) return fromInt64(value.intValue);
  if (value.doubleValue !== undefined) return typeof value.doubleValue === "number" ? value.doubleValue : null;
  if (value.bytesValue !== undefined) return value.bytesValue;
  if (value.arrayValue) return (value.arrayValue.values ?? []).map(toAttributeValue);
  if (value.kvlistValue) return Object.fromEntries((value.kvlistValue.values ?? []).map((entry) => [entry.key, toAttributeValue(entry.value)]));
  return null;
}

/** Key-value pairs as a map; a repeated key keeps its last value. */
export function toAttributes(pairs: readonly KeyValueInput[]): Map<string, AttributeValue> {
  return new Map(pairs.map((pair) => [pair.key, toAttributeValue(pair.value)]));
}

export const textOf = (value: AttributeValue | undefined): string | undefined => (typeof value === "string" ? value : undefined);

/** A number, or decimal text of one; undefined for anything else. */
export function numberOf(value: AttributeValue | undefined): number | undefined {
  if (typeof value === "number") return value;
  if (typeof value === "string" && /^-?\d+(\.\d+)?$/.test(value)) return Number(value);
  return undefined;
}

/**
 * A structured attribute: GenAI SDKs send message lists either as JSON text or as AnyValue arrays and
 * maps. Text that is not JSON comes back as the text itself.
 */
export function structuredOf(value: AttributeValue | undefined): AttributeValue | undefined {
  if (typeof value !== "string") return value;
  try {
    return JSON.parse(value) as AttributeValue;
  } catch {
    return value;
  }
}

/**
 * Indexed attributes such as `gen_ai.prompt.0.role` grouped by index: prefix `gen_ai.prompt` gives
 * [{role, content, …}] in index order, each entry keyed by the rest of the name (`tool_calls.0.name`).
 */
export function groupIndexed(attributes: Attributes, prefix: string): Map<string, AttributeValue>[] {
  const byIndex = new Map<number, Map<string, AttributeValue>>();
  const start = `${prefix}.`;
  for (const [key, value] of attributes) {
    if (!key.startsWith(start)) continue;
    const match = /^(\d+)\.(.+)$/.exec(key.slice(start.length));
    if (!match) continue;
    const index = Number(match[1]);
    let entry = byIndex.get(index);
    if (!entry) byIndex.set(index, (entry = new Map()));
    entry.set(match[2]!, value);
  }
  return [...byIndex.entries()].sort(([a], [b]) => a - b).map(([, entry]) => entry);
}
