import { hash } from "node:crypto";

/** JSON with object keys sorted at every depth, so equal values always give the same text. */
export function toCanonicalJson(value: unknown): string {
  if (value === null || typeof value !== "object") return JSON.stringify(value) ?? "null";
  // String concatenation rather than map/join: this runs for every message of every ingested output.
  if (Array.isArray(value)) {
    let text = "[";
    for (let index = 0; index < value.length; index += 1) text += (index > 0 ? "," : "") + toCanonicalJson(value[index]);
    return `${text}]`;
  }
  const record = value as Record<string, unknown>;
  let text = "{";
  for (const key of Object.keys(record).sort()) {
    if (record[key] === undefined) continue;
    text += `${text.length > 1 ? "," : ""}${JSON.stringify(key)}:${toCanonicalJson(record[key])}`;
  }
  return `${text}}`;
}

/**
 * The content hash of an output: sha256 of the canonical JSON of `{ input, output }` (with `candidates`
 * first when it has them: two comparisons of one input are different content), taking the parts already in
 * canonical form so each is serialised once and reused as the stored jsonb text.
 */
export function hashCanonicalContent(canonicalInput: string, canonicalOutput: string, canonicalCandidates: string | null = null): string {
  const candidates = canonicalCandidates === null ? "" : `"candidates":${canonicalCandidates},`;
  return hash("sha256", `{${candidates}"input":${canonicalInput},"output":${canonicalOutput}}`, "hex");
}
