import type { Executor } from "@/db/executor";

export type AnnotatorReliability = {
  queueId: string;
  fieldKey: string;
  annotatorId: string;
  /** P(this annotator's answer is right) under the latest fit: Σ_t prior_t · confusion[t][t]. */
  reliability: number;
  labelCount: number;
  method: "dawid_skene" | "one_coin";
  fittedAt: Date;
};

/** Each annotator's reliability from the latest Dawid–Skene fit of each queue and field. */
export async function listAnnotatorReliability(db: Executor, filter: { projectId: string; queueId?: string; annotatorId?: string }): Promise<AnnotatorReliability[]> {
  let query = db
    .selectFrom("annotator_stats as s")
    .innerJoin("quality_fits as f", "f.id", "s.fit_id")
    .select([
      "s.queue_id as queueId",
      "s.field_key as fieldKey",
      "s.annotator_id as annotatorId",
      "s.reliability",
      "s.label_count as labelCount",
      "f.method",
      "s.fitted_at as fittedAt",
    ])
    .where("s.project_id", "=", filter.projectId)
    // The table's check allows these two methods only.
    .$narrowType<{ method: AnnotatorReliability["method"] }>()
    .orderBy("s.queue_id")
    .orderBy("s.field_key")
    .orderBy("s.reliability", "desc");
  if (filter.queueId) query = query.where("s.queue_id", "=", filter.queueId);
  if (filter.annotatorId) query = query.where("s.annotator_id", "=", filter.annotatorId);
  return query.execute();
}
