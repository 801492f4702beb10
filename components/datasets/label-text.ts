/** A row's label as people read it: `verdict: helpful`, fields joined; anything else as JSON. */
export function formatLabel(label: unknown): string {
  if (typeof label !== "object" || label === null || Array.isArray(label)) return JSON.stringify(label);
  return Object.entries(label)
    .map(([key, value]) => `${key}: ${typeof value === "string" ? value : JSON.stringify(value)}`)
    .join(", ");
}

/** The text of an output or input as stored (a string, or chat messages), shortened for a table cell. */
export function previewText(value: unknown, maxLength = 140): string {
  const text =
    typeof value === "string"
      ? value
      : Array.isArray(value)
        ? value.map((message) => (typeof message === "object" && message !== null && "content" in message ? String(message.content) : JSON.stringify(message))).join(" · ")
        : JSON.stringify(value);
  return text.length > maxLength ? `${text.slice(0, maxLength - 1)}…` : text;
}
