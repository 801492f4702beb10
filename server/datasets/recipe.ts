import { isDeepStrictEqual } from "node:util";
import { ValidationError } from "@/server/lib/errors";
import { choiceFields } from "@/server/queues/schema";
import { parseLabelSchema } from "@/server/items/label-values";
import type { EligibilityRecipe } from "./queries";
import { releaseRecipeSchema, type CorrectionMode, type ReleaseRecipe, type SplitKey } from "./schema";

type StoredRecipe = {
  minConfidence: number;
  labelFilters: unknown;
  correctionMode: string;
  goldFrom: Date | null;
  goldUntil: Date | null;
  splitTrain: number;
  splitValidation: number;
  splitTest: number;
  splitKey: string;
  splitMetadataKey: string | null;
};

/** Stored label filters, keeping only well-formed entries (the column is written from a validated input). */
function readLabelFilters(stored: unknown): Record<string, string[]> {
  if (typeof stored !== "object" || stored === null || Array.isArray(stored)) return {};
  return Object.fromEntries(
    Object.entries(stored).flatMap(([key, values]) => (Array.isArray(values) ? [[key, values.filter((value): value is string => typeof value === "string")]] : [])),
  );
}

/** A dataset row's recipe and split rule, typed, as a release records them. */
export function toReleaseRecipe(dataset: StoredRecipe, queueIds: string[]): ReleaseRecipe {
  return releaseRecipeSchema.parse({
    queueIds,
    minConfidence: dataset.minConfidence,
    labelFilters: readLabelFilters(dataset.labelFilters),
    correctionMode: dataset.correctionMode as CorrectionMode,
    goldFrom: dataset.goldFrom?.toISOString() ?? null,
    goldUntil: dataset.goldUntil?.toISOString() ?? null,
    splitTrain: dataset.splitTrain,
    splitValidation: dataset.splitValidation,
    splitTest: dataset.splitTest,
    splitKey: dataset.splitKey as SplitKey,
    splitMetadataKey: dataset.splitMetadataKey,
  });
}

/** The filters of a recorded recipe, as the eligibility query takes them. */
export function toEligibility(recipe: ReleaseRecipe): EligibilityRecipe {
  return {
    queueIds: recipe.queueIds,
    minConfidence: recipe.minConfidence,
    labelFilters: recipe.labelFilters,
    correctionMode: recipe.correctionMode,
    goldFrom: recipe.goldFrom ? new Date(recipe.goldFrom) : null,
    goldUntil: recipe.goldUntil ? new Date(recipe.goldUntil) : null,
  };
}

/** Empty value lists mean "any value", so they are dropped; values are kept in the order given, once each. */
export function normalizeLabelFilters(filters: Record<string, string[]>): Record<string, string[]> {
  return Object.fromEntries(Object.entries(filters).flatMap(([key, values]) => (values.length > 0 ? [[key, [...new Set(values)]]] : [])));
}

type QueueWithSchema = { name: string; labelSchema: unknown };

/** Refuses a filter on a field none of the queues has, or a value that field never takes, naming `labelFilters.<key>`. */
export function checkLabelFilters(queues: QueueWithSchema[], filters: Record<string, string[]>): void {
  const options = new Map<string, Set<string>>();
  for (const queue of queues) {
    // Label filters pick single-choice answers; other field types are not filtered on.
    for (const field of choiceFields(parseLabelSchema(queue.labelSchema))) {
      const known = options.get(field.key) ?? new Set<string>();
      for (const option of field.options) known.add(option.value);
      options.set(field.key, known);
    }
  }
  for (const [key, values] of Object.entries(filters)) {
    const known = options.get(key);
    const field = `labelFilters.${key}`;
    if (!known) throw new ValidationError(`${field}: none of the dataset's queues has a field "${key}"`, { field });
    const unknown = values.find((value) => !known.has(value));
    if (unknown !== undefined) throw new ValidationError(`${field}: "${unknown}" is not an option of this field; pick from ${[...known].join(", ")}`, { field });
  }
}

/** True when the queues' label schemas are not all the same, so one label can mean different things across rows. */
export function hasMixedLabelSchemas(queues: QueueWithSchema[]): boolean {
  const [first, ...rest] = queues;
  return first !== undefined && rest.some((queue) => !isDeepStrictEqual(queue.labelSchema, first.labelSchema));
}

/** True when two split rules would put some row in a different split. */
export function splitRuleChanged(before: StoredRecipe, after: Pick<StoredRecipe, "splitTrain" | "splitValidation" | "splitTest" | "splitKey" | "splitMetadataKey">): boolean {
  return (
    before.splitTrain !== after.splitTrain ||
    before.splitValidation !== after.splitValidation ||
    before.splitTest !== after.splitTest ||
    before.splitKey !== after.splitKey ||
    (after.splitKey === "metadata" && before.splitMetadataKey !== after.splitMetadataKey)
  );
}
