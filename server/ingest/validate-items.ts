import type { z } from "zod";

export type ValidItem<T> = { index: number; value: T };
export type RejectedItem = { index: number; externalId: string | null; field: string; reason: string };

/** Why an item holding text Postgres cannot store is rejected. */
export const UNSTORABLE_TEXT_REASON = "text must not contain NUL characters or unpaired UTF-16 surrogates";

// Postgres text and jsonb refuse NUL, and jsonb refuses unpaired surrogates; caught before the insert they
// reject one item, naming the field, instead of failing the batch with a database error. The first, cheap
// test rules out almost all text; emoji (paired surrogates) fall through to the exact one.
const MAYBE_UNSTORABLE = /[\u0000\ud800-\udfff]/;
const UNSTORABLE = /\u0000|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
// JSON.stringify writes NUL and unpaired surrogates as \u escapes, so JSON text needs only a scan for those.
const ESCAPED_MAYBE_UNSTORABLE = /\\u(?:0000|d[89a-f])/;

export const isUnstorableText = (text: string) => MAYBE_UNSTORABLE.test(text) && UNSTORABLE.test(text);
/** A quick screen of JSON text; a hit (rare, and possibly an escaped backslash) calls for findUnstorableText. */
export const mayHoldUnstorableJson = (json: string) => ESCAPED_MAYBE_UNSTORABLE.test(json);

/** The path to the first unstorable string (or key) inside a value, or null; the path is built only on a hit. */
export function findUnstorableText(value: unknown): PropertyKey[] | null {
  if (typeof value === "string") return isUnstorableText(value) ? [] : null;
  if (value === null || typeof value !== "object") return null;
  if (Array.isArray(value)) {
    for (let index = 0; index < value.length; index += 1) {
      const found = findUnstorableText(value[index]);
      if (found) return [index, ...found];
    }
    return null;
  }
  for (const [key, child] of Object.entries(value)) {
    if (isUnstorableText(key)) return [key];
    const found = findUnstorableText(child);
    if (found) return [key, ...found];
  }
  return null;
}

/** `outputs[3].input[0].role` from the batch key, the item's index and a path inside the item. */
export function formatItemField(batchKey: string, index: number, path: readonly PropertyKey[]): string {
  return path.reduce<string>((field, key) => (typeof key === "number" ? `${field}[${key}]` : `${field}.${String(key)}`), `${batchKey}[${index}]`);
}

/** The issue to report: inside a union, the branch that got past the value's type explains more than the union. */
function explainIssue(issue: z.core.$ZodIssue): { path: PropertyKey[]; message: string } {
  if (issue.code === "invalid_union") {
    const deeper = issue.errors.map((branch) => branch[0]).find((first) => first !== undefined && first.path.length > 0);
    if (deeper) {
      const nested = explainIssue(deeper);
      return { path: [...issue.path, ...nested.path], message: nested.message };
    }
  }
  return { path: issue.path, message: issue.message };
}

/**
 * Validates each item of a batch on its own, so one bad item is reported by field without failing the
 * rest. Callers still screen the valid items for unstorable text (see findUnstorableText).
 */
export function validateBatchItems<T extends z.ZodType>(schema: T, batchKey: string, items: readonly unknown[]) {
  const valid: ValidItem<z.infer<T>>[] = [];
  const rejected: RejectedItem[] = [];
  items.forEach((item, index) => {
    const parsed = schema.safeParse(item);
    if (parsed.success) {
      valid.push({ index, value: parsed.data });
      return;
    }
    const rawId = (item as { external_id?: unknown } | null)?.external_id;
    const { path, message } = explainIssue(parsed.error.issues[0]!);
    rejected.push({ index, externalId: typeof rawId === "string" ? rawId : null, field: formatItemField(batchKey, index, path), reason: message });
  });
  return { valid, rejected };
}
