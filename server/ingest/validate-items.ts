import type { z } from "zod";

export type ValidItem<T> = { index: number; value: T };
export type RejectedItem = { index: number; externalId: string | null; field: string; reason: string };

/** `outputs[3].input[0].role` from the batch key, the item's index and a path inside the item. */
export function formatItemField(batchKey: string, index: number, path: readonly PropertyKey[]): string {
  return path.reduce<string>((field, key) => (typeof key === "number" ? `${field}[${key}]` : `${field}.${String(key)}`), `${batchKey}[${index}]`);
}

/**
 * The issue to report: inside a union, the branch that got past the value's type explains more than the
 * union; a field the item should not have is named itself.
 */
function explainIssue(issue: z.core.$ZodIssue): { path: PropertyKey[]; message: string } {
  if (issue.code === "unrecognized_keys") {
    const key = issue.keys[0]!;
    return { path: [...issue.path, key], message: `"${key}" is not a field here; check its spelling` };
  }
  if (issue.code === "invalid_union") {
    const deeper = issue.errors
      .map((branch) => branch[0])
      .find((first) => first !== undefined && (first.path.length > 0 || first.code !== "invalid_type"));
    if (deeper) {
      const nested = explainIssue(deeper);
      return { path: [...issue.path, ...nested.path], message: nested.message };
    }
  }
  return { path: issue.path, message: issue.message };
}

/** Where and why an item failed its schema: the field as `outputs[3].input[0].role`, and the reason. */
export function explainItemError(batchKey: string, index: number, error: z.ZodError): { field: string; reason: string } {
  const { path, message } = explainIssue(error.issues[0]!);
  return { field: formatItemField(batchKey, index, path), reason: message };
}

/**
 * Validates each item of a batch on its own, so one bad item is reported by field without failing the
 * rest. The item schemas hold only safe text, so a valid item is one Postgres can store.
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
    rejected.push({ index, externalId: typeof rawId === "string" ? rawId : null, ...explainItemError(batchKey, index, parsed.error) });
  });
  return { valid, rejected };
}
