import { readdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import type { z } from "zod";

// Every bound in a domain schema (length, range, whole number, pattern, format) carries a message written
// for a person, so no form and no API client ever shows zod's "Too big: expected number to be <=1".
// Trims and case changes are rewrites, not bounds; `.refine` checks need a message too.

type Walkable = { _zod: { def: Record<string, unknown> & { type: string } } };
const REWRITES = new Set(["overwrite"]);

function isSchema(value: unknown): value is Walkable {
  return typeof value === "object" && value !== null && "_zod" in value && typeof (value as Walkable)._zod?.def?.type === "string";
}

/** Paths of bounds that would fall back to zod's own message. */
function findUnworded(schema: Walkable, path: string, seen = new Set<unknown>()): string[] {
  if (seen.has(schema)) return [];
  seen.add(schema);
  const def = schema._zod.def;
  const problems: string[] = [];
  if (typeof def.format === "string" && !def.error) problems.push(`${path} (${def.format})`);
  for (const check of (def.checks as Walkable[] | undefined) ?? []) {
    const checkDef = check._zod.def as { check?: string; error?: unknown };
    if (!REWRITES.has(checkDef.check ?? "") && !checkDef.error) problems.push(`${path} (${checkDef.check})`);
  }
  const children: [string, unknown][] = [];
  if (def.type === "object") children.push(...Object.entries(def.shape as Record<string, unknown>).map(([key, child]): [string, unknown] => [`${path}.${key}`, child]));
  if (def.type === "array") children.push([`${path}[]`, def.element]);
  if (def.type === "record") children.push([`${path}{key}`, def.keyType], [`${path}{value}`, def.valueType]);
  if (def.type === "union") children.push(...(def.options as unknown[]).map((option, index): [string, unknown] => [`${path}|${index}`, option]));
  if (def.type === "pipe") children.push([path, def.in], [path, def.out]);
  if ("innerType" in def) children.push([path, def.innerType]);
  for (const [childPath, child] of children) if (isSchema(child)) problems.push(...findUnworded(child, childPath, seen));
  return problems;
}

const serverRoot = fileURLToPath(new URL("../../server", import.meta.url));
const schemaModules = readdirSync(serverRoot, { withFileTypes: true })
  .filter((entry) => entry.isDirectory() && readdirSync(`${serverRoot}/${entry.name}`).includes("schema.ts"))
  .map((entry) => entry.name);

describe("schema messages", () => {
  it("finds the domain schemas", () => {
    expect(schemaModules).toEqual(expect.arrayContaining(["queues", "datasets", "members", "api-keys", "users", "setup", "review", "resolution"]));
  });

  it.each(schemaModules)("server/%s/schema.ts words every bound for people", async (domain) => {
    const exported = (await import(`../../server/${domain}/schema.ts`)) as Record<string, unknown>;
    const problems = Object.entries(exported).flatMap(([name, value]) => (isSchema(value) ? findUnworded(value as z.ZodType & Walkable, name) : []));
    expect(problems).toEqual([]);
  });
});
