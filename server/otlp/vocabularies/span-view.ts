import type { AttributeValue, Attributes } from "../attributes";

/** What the vocabularies read of a span: its attributes, and each event's attributes in order. */
export type SpanView = { attributes: Attributes; events: readonly { name: string; attributes: Attributes }[] };

/** An attribute of the span, or else of the first event carrying it (GenAI content may travel in events). */
export function findAttribute(span: SpanView, key: string): AttributeValue | undefined {
  const own = span.attributes.get(key);
  if (own !== undefined) return own;
  for (const event of span.events) {
    const value = event.attributes.get(key);
    if (value !== undefined) return value;
  }
  return undefined;
}
