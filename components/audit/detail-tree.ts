// Audit entries carry free-form JSON (a queue's sampling rule, a release's changelog, gold label values).
// This turns any of it into a tree the log can render as nested key/value lists. Client-safe and pure.

export type DetailNode =
  | { kind: "empty" }
  | { kind: "text"; text: string; isCode: boolean }
  | { kind: "list"; items: DetailNode[] }
  | { kind: "map"; entries: DetailEntry[] };

export type DetailEntry = { key: string; label: string; value: DetailNode };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** `samplingRule` → "Sampling rule", `queue_ids` → "Queue ids", `rowCount` → "Row count". */
export function labelForKey(key: string): string {
  const words = key
    .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
    .replace(/[_-]+/g, " ")
    .trim()
    .toLowerCase();
  return words ? words[0]!.toUpperCase() + words.slice(1) : key;
}

function describeText(value: string | number | boolean): DetailNode {
  if (typeof value === "boolean") return { kind: "text", text: value ? "yes" : "no", isCode: false };
  if (typeof value === "number") return { kind: "text", text: String(value), isCode: false };
  if (value === "") return { kind: "empty" };
  return { kind: "text", text: value, isCode: UUID.test(value) };
}

/** Any JSON value as a tree of texts, lists and key/value maps; null, "", [] and {} are "empty". */
export function describeDetail(value: unknown): DetailNode {
  if (value === null || value === undefined) return { kind: "empty" };
  if (typeof value === "string" || typeof value === "number" || typeof value === "boolean") return describeText(value);
  if (Array.isArray(value)) return value.length === 0 ? { kind: "empty" } : { kind: "list", items: value.map(describeDetail) };
  if (typeof value === "object") {
    const entries = Object.entries(value).map(([key, inner]) => ({ key, label: labelForKey(key), value: describeDetail(inner) }));
    return entries.length === 0 ? { kind: "empty" } : { kind: "map", entries };
  }
  return { kind: "text", text: String(value), isCode: false };
}

/** True when every item is plain text, so the list reads as one comma-separated line. */
export function isFlatList(items: DetailNode[]): boolean {
  return items.every((item) => item.kind === "text" || item.kind === "empty");
}
