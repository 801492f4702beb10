import type { z } from "zod";

/** Where a node sits in an input: object keys, `[]` for any array element, `{}` for any record value. */
export type SchemaPath = readonly (string | "[]" | "{}")[];

export type SchemaNode = { schema: z.core.$ZodType; path: SchemaPath; isRecordKey: boolean };

type Def = z.core.$ZodTypeDef & {
  shape?: Record<string, z.core.$ZodType>;
  element?: z.core.$ZodType;
  items?: z.core.$ZodType[];
  rest?: z.core.$ZodType | null;
  keyType?: z.core.$ZodType;
  valueType?: z.core.$ZodType;
  options?: z.core.$ZodType[];
  left?: z.core.$ZodType;
  right?: z.core.$ZodType;
  innerType?: z.core.$ZodType;
  in?: z.core.$ZodType;
  getter?: () => z.core.$ZodType;
};

/**
 * Visits every node of a zod 4 schema that sees raw input, with its path. A pipe's output side is skipped:
 * it only ever receives what its input side already accepted.
 */
export function walkSchema(schema: z.core.$ZodType, visit: (node: SchemaNode) => void, path: SchemaPath = [], isRecordKey = false): void {
  visit({ schema, path, isRecordKey });
  const def = schema._zod.def as Def;
  const walk = (child: z.core.$ZodType | undefined | null, childPath: SchemaPath = path, childIsKey = false) => {
    if (child) walkSchema(child, visit, childPath, childIsKey);
  };
  switch (def.type) {
    case "object":
      for (const [key, child] of Object.entries(def.shape ?? {})) walk(child, [...path, key]);
      return;
    case "array":
      return walk(def.element, [...path, "[]"]);
    case "tuple":
      for (const item of def.items ?? []) walk(item, [...path, "[]"]);
      return walk(def.rest, [...path, "[]"]);
    case "record":
      walk(def.keyType, path, true);
      return walk(def.valueType, [...path, "{}"]);
    case "union":
      for (const option of def.options ?? []) walk(option);
      return;
    case "intersection":
      walk(def.left);
      return walk(def.right);
    case "optional":
    case "nullable":
    case "default":
    case "prefault":
    case "nonoptional":
    case "readonly":
    case "catch":
      return walk(def.innerType);
    case "pipe":
      return walk(def.in);
    case "lazy":
      return walk(def.getter?.());
    default:
      return;
  }
}

/** The input schemas of a tRPC procedure, outermost first (the ladder's projectId, then the procedure's own). */
export function procedureInputs(procedure: unknown): z.core.$ZodType[] {
  return ((procedure as { _def: { inputs: unknown[] } })._def.inputs ?? []) as z.core.$ZodType[];
}
