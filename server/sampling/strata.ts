import type { SamplingRule } from "@/server/queues/schema";

/** The stratum of a rule without strata. */
export const WHOLE_POPULATION = "all";
const NO_MODEL = "(no model)";
const OTHER_TAGS = "(other)";
const NO_METADATA_VALUE = "(none)";

/** How a metadata value names a stratum: text as it is, anything else as its JSON. */
export function metadataStratum(value: unknown): string {
  if (value === undefined || value === null) return NO_METADATA_VALUE;
  return typeof value === "string" ? value : JSON.stringify(value);
}

/**
 * The stratum an output falls in: its model, the first of the rule's stratum tags it carries, or its value
 * of the stratum metadata key. The history query groups by the same source values and maps them through
 * this function, so a day's volumes and its draws agree on every stratum's name.
 */
export function stratumOf(
  rule: Pick<SamplingRule, "strataBy" | "strataKey" | "strataTags">,
  output: { model: string | null; tags: readonly string[]; metadata: Readonly<Record<string, unknown>> },
): string {
  switch (rule.strataBy) {
    case "none":
      return WHOLE_POPULATION;
    case "model":
      return output.model ?? NO_MODEL;
    case "tag":
      return rule.strataTags.find((tag) => output.tags.includes(tag)) ?? OTHER_TAGS;
    case "metadata":
      return metadataStratum(Object.hasOwn(output.metadata, rule.strataKey) ? output.metadata[rule.strataKey] : undefined);
  }
}
