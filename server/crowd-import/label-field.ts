import { sortLabelIds } from "@/server/quality";
import { ValidationError } from "@/server/lib/errors";
import { safeText } from "@/server/lib/safe-text";
import { categoricalFieldSchema, labelOptionSchema, type CategoricalField } from "@/server/labels/field-types";

/** The field key and title of an imported queue's one field. */
export const CROWD_FIELD_KEY = "label";

/** Answers as read from an item,worker,label file, with the line each came from. */
export type CrowdAnswers = { items: readonly string[]; workers: readonly string[]; labels: readonly string[]; lines: readonly number[] };

/** Why a file's answers cannot be imported, naming the line where it shows. */
function badAnswers(message: string): ValidationError {
  return new ValidationError(message, { field: "labels" });
}

function firstLineOf(answers: CrowdAnswers, label: string): number {
  return answers.lines[answers.labels.indexOf(label)]!;
}

/**
 * The single-select field a new imported queue gets: one option per label in the file, in the order
 * `sortLabelIds` gives (numeric when every label is a number), which is the class order of the CLI's
 * truth inference. Each label must be a valid option key, because that is what answers store.
 */
export function buildCrowdField(answers: CrowdAnswers): CategoricalField {
  const { sorted } = sortLabelIds(answers.labels);
  for (const label of sorted) {
    const check = labelOptionSchema.shape.value.safeParse(label);
    if (!check.success) {
      throw badAnswers(`line ${firstLineOf(answers, label)}: label "${label}" is not a usable option value (${check.error.issues[0]!.message})`);
    }
  }
  const field = categoricalFieldSchema.safeParse({
    type: "categorical",
    key: CROWD_FIELD_KEY,
    title: "Label",
    options: sorted.map((value) => ({ value, title: value })),
  });
  if (!field.success) throw badAnswers(`the file has ${sorted.length} distinct labels: ${field.error.issues[0]!.message}`);
  return field.data;
}

/** Checks that every label of the file is an option of an existing queue's field, naming the first line that is not. */
export function checkLabelsFitField(answers: CrowdAnswers, field: CategoricalField): void {
  const options = new Set(field.options.map((option) => option.value));
  const index = answers.labels.findIndex((label) => !options.has(label));
  if (index !== -1) {
    throw badAnswers(`line ${answers.lines[index]}: label "${answers.labels[index]}" is not an option of the queue's field ${field.title} (${[...options].join(", ")})`);
  }
}

/** The most answers any one item has: the overlap of the queue that holds them. */
export function countMostAnswersPerItem(answers: CrowdAnswers): number {
  const counts = new Map<string, number>();
  let most = 0;
  for (const item of answers.items) {
    const count = (counts.get(item) ?? 0) + 1;
    counts.set(item, count);
    most = Math.max(most, count);
  }
  return most;
}

const crowdIdSchema = safeText(200, { tooLong: "at most 200 characters" });

/** Item ids become output external ids and worker ids user names: both must be storable text of at most 200 characters. */
export function checkCrowdIds(answers: CrowdAnswers): void {
  for (const [column, values] of [["item", answers.items], ["worker", answers.workers]] as const) {
    values.forEach((value, index) => {
      const check = crowdIdSchema.safeParse(value);
      if (!check.success) throw badAnswers(`line ${answers.lines[index]}: ${column} "${value.slice(0, 40)}" is not usable: ${check.error.issues[0]!.message}`);
    });
  }
}
