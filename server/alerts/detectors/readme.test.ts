import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { detectorDefinitions } from "./index";
import { detectorIds } from "./types";

/** The README's "Loop health detectors" section, up to the next top-level heading. */
function readSection(): string {
  const readme = readFileSync(new URL("../../../README.md", import.meta.url), "utf8");
  const start = readme.indexOf("\n## Loop health detectors\n");
  expect(start).toBeGreaterThan(0);
  const end = readme.indexOf("\n## ", start + 1);
  return readme.slice(start, end === -1 ? undefined : end);
}

describe("README section Loop health detectors", () => {
  const section = readSection();

  it("defines every detector, in the contract's order", () => {
    expect(detectorDefinitions.map((definition) => definition.id)).toEqual([...detectorIds]);
    const headings = [...section.matchAll(/^### .+ \(`([a-z_]+)`\)$/gm)].map((match) => match[1]);
    expect(headings).toEqual([...detectorIds]);
  });

  it.each(detectorDefinitions.map((definition) => [definition.id, definition] as const))("%s: says what the definition says", (_id, definition) => {
    const start = section.indexOf(`(\`${definition.id}\`)`);
    const next = section.indexOf("\n### ", start);
    const entry = section.slice(start, next === -1 ? undefined : next);
    expect(entry).toContain(definition.summary);
    expect(entry).toContain(`**Minimum sample size:** ${definition.minSampleSize}`);
    expect(entry).toContain(`**Formula:** ${definition.formula}`);
    expect(entry).toContain(`**Null model:** ${definition.nullModel}`);
    expect(entry).toContain(`**Default threshold:** ${definition.defaultThreshold}`);
    for (const metric of definition.inputs) expect(entry).toContain(`\`${metric}\``);
  });
});
