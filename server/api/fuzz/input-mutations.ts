import fc from "fast-check";
import type { z } from "zod";
import type { OddValues } from "./odd-values";
import { walkSchema, type SchemaPath } from "./schema-walk";

/** One change to a valid input: a field set to an odd value or removed, a record given an odd key, or the whole input replaced. */
export type Mutation =
  | { kind: "set"; path: SchemaPath; value: unknown }
  | { kind: "remove"; path: SchemaPath }
  | { kind: "recordKey"; path: SchemaPath; key: string }
  | { kind: "replace"; value: unknown };

type Plain = Record<string, unknown>;
const isPlain = (value: unknown): value is Plain => typeof value === "object" && value !== null && !Array.isArray(value);

/** A field of an input: where it is, and whether it takes text or numbers (so odd values can aim at it). */
export type FieldInfo = { path: SchemaPath; kind: "text" | "number" | "other" };

/** Every field path the schemas describe (optional ones too), and the paths of their records. */
export function describeFields(schemas: readonly z.core.$ZodType[]): { fields: FieldInfo[]; records: SchemaPath[] } {
  const types = new Map<string, { path: SchemaPath; types: Set<string> }>();
  const records = new Map<string, SchemaPath>();
  for (const schema of schemas) {
    walkSchema(schema, ({ schema: node, path, isRecordKey }) => {
      if (isRecordKey) records.set(path.join("."), path);
      else if (path.length > 0) {
        const entry = types.get(path.join(".")) ?? { path, types: new Set<string>() };
        entry.types.add(node._zod.def.type);
        types.set(path.join("."), entry);
      }
    });
  }
  const fields = [...types.values()].map(({ path, types: nodeTypes }): FieldInfo => ({
    path,
    kind: nodeTypes.has("string") ? "text" : nodeTypes.has("number") ? "number" : "other",
  }));
  return { fields, records: [...records.values()] };
}

/**
 * An odd value set at one field, aimed at what the field takes. A sweep (each field once) gives every text
 * field text Postgres cannot store; random cases mix in other odd text.
 */
export function fieldMutation(field: FieldInfo, values: OddValues, isSweep = false): fc.Arbitrary<Mutation> {
  const text = isSweep ? values.unstorable : values.text;
  const value = field.kind === "text" ? text : field.kind === "number" ? values.number : values.any;
  return value.map((odd) => ({ kind: "set", path: field.path, value: odd }));
}

/** Random mutations of an input with `schemas`: mostly one field set to an odd value. */
export function mutationOf(schemas: readonly z.core.$ZodType[], values: OddValues): fc.Arbitrary<Mutation> {
  const { fields, records } = describeFields(schemas);
  const options: fc.WeightedArbitrary<Mutation>[] = [{ weight: 1, arbitrary: values.any.map((value) => ({ kind: "replace", value })) }];
  if (fields.length > 0) {
    options.push(
      { weight: 6, arbitrary: fc.constantFrom(...fields).chain((field) => fieldMutation(field, values)) },
      { weight: 1, arbitrary: fc.constantFrom(...fields).map((field) => ({ kind: "remove", path: field.path })) },
    );
  }
  if (records.length > 0) {
    const key = fc.oneof(fc.constantFrom("\u0000", "\ud800", "k".repeat(1_000), ""), fc.string({ maxLength: 8 }));
    options.push({ weight: 1, arbitrary: fc.record({ kind: fc.constant("recordKey" as const), path: fc.constantFrom(...records), key }) });
  }
  return fc.oneof(...options);
}

/** `container` with the value at `path` replaced by what `change` makes of it; arrays and records change their first entry. */
function updateAt(container: unknown, path: SchemaPath, change: (current: unknown) => unknown): unknown {
  if (path.length === 0) return change(container);
  const [step, ...rest] = path as [SchemaPath[number], ...SchemaPath];
  if (step === "[]") {
    const array = Array.isArray(container) && container.length > 0 ? [...(container as unknown[])] : [undefined];
    array[0] = updateAt(array[0], rest, change);
    return array;
  }
  const object: Plain = isPlain(container) ? { ...container } : {};
  const key = step === "{}" ? (Object.keys(object)[0] ?? "key") : step;
  object[key] = updateAt(object[key], rest, change);
  return object;
}

/** The input after the mutation; the valid input itself is left alone. */
export function applyMutation(input: unknown, mutation: Mutation): unknown {
  switch (mutation.kind) {
    case "replace":
      return mutation.value;
    case "set":
      return updateAt(input, mutation.path, () => mutation.value);
    case "remove": {
      const parent = mutation.path.slice(0, -1);
      const last = mutation.path[mutation.path.length - 1]!;
      return updateAt(input, parent, (current) => {
        if (last === "[]") return [];
        if (!isPlain(current)) return current;
        const { [last === "{}" ? (Object.keys(current)[0] ?? "") : last]: _removed, ...kept } = current;
        return kept;
      });
    }
    case "recordKey":
      return updateAt(input, mutation.path, (current) => {
        const record: Plain = isPlain(current) ? { ...current } : {};
        record[mutation.key] = Object.values(record)[0] ?? "value";
        return record;
      });
  }
}

/**
 * The top-level fields zod names when the procedure's schemas refuse `input` ("" for the input as a whole),
 * or null when they accept it. This is what a refusal must name.
 */
export function fieldsRefusedBy(schemas: readonly z.core.$ZodType[], input: unknown): Set<string> | null {
  const named = new Set<string>();
  for (const schema of schemas) {
    const result = (schema as z.ZodType).safeParse(input);
    if (!result.success) for (const issue of result.error.issues) named.add(String(issue.path[0] ?? ""));
  }
  return named.size > 0 ? named : null;
}
