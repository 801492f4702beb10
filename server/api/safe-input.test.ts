import { describe, expect, it } from "vitest";
import { z } from "zod";
import { datasetSlugSchema, releaseSelectorSchema } from "@/server/datasets/schema";
import { ingestBatchSchema, ingestOutputSchema, ingestSignalBatchSchema, ingestSignalSchema } from "@/server/ingest/schema";
import { isSafeTextSchema } from "@/server/lib/safe-text";
import { procedureInputs, walkSchema } from "./fuzz/schema-walk";
import { appRouter } from "./root";

// Formats whose pattern admits only a short run of ASCII, so they can hold neither NUL nor a surrogate.
const ASCII_FORMATS = new Set(["uuid", "datetime"]);

/** Every node of `schema` that lets raw text or unchecked values through, described by its path. */
function findUnsafeNodes(schema: z.core.$ZodType): string[] {
  const unsafe: string[] = [];
  walkSchema(schema, ({ schema: node, path, isRecordKey }) => {
    const def = node._zod.def as { type: string; format?: string };
    const where = `${path.join(".") || "(input)"}${isRecordKey ? " (record key)" : ""}`;
    if (def.type === "string" && !isSafeTextSchema(node) && !ASCII_FORMATS.has(def.format ?? "")) unsafe.push(`${where}: plain string`);
    if (def.type === "any" || def.type === "unknown") unsafe.push(`${where}: ${def.type}`);
  });
  return unsafe;
}

describe("safe text at every edge", () => {
  it("recognises an unsafe string, a record key and an unchecked value", () => {
    const loose = z.object({ name: z.string(), tags: z.record(z.string(), z.unknown()), ok: z.uuid() });
    expect(findUnsafeNodes(loose)).toEqual(["name: plain string", "tags (record key): plain string", "tags.{}: unknown"]);
  });

  for (const [path, procedure] of Object.entries(appRouter._def.procedures)) {
    it(`${path} takes only safe text`, () => {
      expect(procedureInputs(procedure).flatMap(findUnsafeNodes)).toEqual([]);
    });
  }

  it("REST bodies and path parameters take only safe text", () => {
    // The batch envelopes hold `unknown` items on purpose: each item is parsed alone, with the item schemas below.
    const envelopes = [ingestBatchSchema, ingestSignalBatchSchema].flatMap(findUnsafeNodes);
    expect(envelopes).toEqual(["outputs.[]: unknown", "signals.[]: unknown"]);
    expect([ingestOutputSchema, ingestSignalSchema, datasetSlugSchema, releaseSelectorSchema].flatMap(findUnsafeNodes)).toEqual([]);
  });
});
