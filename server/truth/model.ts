import type { Executor } from "@/db/executor";

/**
 * What a decision needs from a fit, in the caller's class order: class priors, each fitted annotator's
 * confusion matrix (confusion[t][g] = P(answers classes[g] | true value classes[t])), and the matrix used
 * for annotators the fit has not seen.
 */
export type DawidSkeneModel = {
  fitId: number | null;
  method: "dawid_skene" | "one_coin" | "prior";
  classes: string[];
  priors: number[];
  confusionByAnnotator: Map<string, number[][]>;
  fallbackConfusion: number[][];
};

/** Reliability assumed for every annotator before the queue has a fit. */
export const RELIABILITY_WITHOUT_FIT = 0.7;

/** One-coin matrix: right with `reliability`, wrong answers spread evenly over the other classes. */
export function oneCoinConfusion(classCount: number, reliability: number): number[][] {
  const wrong = classCount > 1 ? (1 - reliability) / (classCount - 1) : 0;
  return Array.from({ length: classCount }, (_, truth) =>
    Array.from({ length: classCount }, (_, given) => (truth === given ? reliability : wrong)),
  );
}

/**
 * The latest fit of a queue's field as a model over `classes` (the field's option values). A class the
 * fit never saw gets prior 0 and an uninformative confusion row, so an option added after the fit
 * cannot win without a refit. Without a fit: uniform priors and the one-coin fallback for everyone.
 */
export async function loadDawidSkeneModel(
  db: Executor,
  q: { projectId: string; queueId: string; fieldKey: string; classes: string[] },
): Promise<DawidSkeneModel> {
  const fit = await db
    .selectFrom("quality_fits")
    .select(["id", "method", "classes", "class_priors"])
    .$narrowType<{ method: "dawid_skene" | "one_coin" }>()
    .where("project_id", "=", q.projectId)
    .where("queue_id", "=", q.queueId)
    .where("field_key", "=", q.fieldKey)
    .orderBy("id", "desc")
    .limit(1)
    .executeTakeFirst();
  const classCount = q.classes.length;
  if (!fit) {
    return {
      fitId: null,
      method: "prior",
      classes: [...q.classes],
      priors: q.classes.map(() => 1 / classCount),
      confusionByAnnotator: new Map(),
      fallbackConfusion: oneCoinConfusion(classCount, RELIABILITY_WITHOUT_FIT),
    };
  }
  const stats = await db
    .selectFrom("annotator_stats")
    .select(["annotator_id", "confusion", "reliability"])
    .where("project_id", "=", q.projectId)
    .where("fit_id", "=", fit.id)
    .execute();
  const fitClasses = fit.classes as string[];
  const fitPriors = fit.class_priors as number[];
  const fitIndex = q.classes.map((value) => fitClasses.indexOf(value));
  const remap = (matrix: number[][]): number[][] =>
    fitIndex.map((truth) => fitIndex.map((given) => (truth < 0 ? 1 / classCount : given < 0 ? 0 : matrix[truth]![given]!)));
  const meanReliability = stats.length > 0 ? stats.reduce((sum, row) => sum + row.reliability, 0) / stats.length : RELIABILITY_WITHOUT_FIT;
  return {
    fitId: Number(fit.id),
    method: fit.method,
    classes: [...q.classes],
    priors: fitIndex.map((index) => (index < 0 ? 0 : fitPriors[index]!)),
    confusionByAnnotator: new Map(stats.map((row) => [row.annotator_id, remap(row.confusion as number[][])])),
    fallbackConfusion: oneCoinConfusion(classCount, meanReliability),
  };
}
