import { sql } from "kysely";
import type { Executor } from "@/db/executor";
import { NotFoundError } from "@/server/lib/errors";
import { findLatestRefitRequest, type RefitRequest } from "./refit-requests";

export type AnnotatorFitStats = {
  annotatorId: string;
  name: string;
  reliability: number;
  labelCount: number;
  /** confusion[t][g] = P(answers classes[g] | true value classes[t]). */
  confusion: number[][];
};

export type FieldFitSummary = {
  fieldKey: string;
  fitId: number;
  method: "dawid_skene" | "one_coin";
  classes: string[];
  classPriors: number[];
  iterations: number;
  isConverged: boolean;
  logLikelihood: number;
  labelCount: number;
  itemCount: number;
  annotatorCount: number;
  clampedItemCount: number;
  readMs: number;
  fitMs: number;
  writeMs: number;
  fittedAt: Date;
  annotators: AnnotatorFitStats[];
};

export type QueueFitView = {
  queue: { id: string; name: string; consensusMethod: string; minPosterior: number };
  /** Whether the queue has any counted answer, so a page can tell "no labels yet" from "not fitted yet". */
  hasCountedAnswers: boolean;
  fields: FieldFitSummary[];
  refit: RefitRequest | null;
};

/** The latest fit of each field of a project's queue, with each annotator's stats and name. */
export async function getQueueFit(db: Executor, q: { projectId: string; queueId: string }): Promise<QueueFitView> {
  const queue = await db
    .selectFrom("queues")
    .select(["id", "name", "consensus_method as consensusMethod", "min_posterior as minPosterior"])
    .where("project_id", "=", q.projectId)
    .where("id", "=", q.queueId)
    .executeTakeFirst();
  if (!queue) throw new NotFoundError("no such queue in this project", { field: "queueId" });
  const fits = await db
    .selectFrom("quality_fits as f")
    .selectAll("f")
    .$narrowType<{ method: FieldFitSummary["method"] }>()
    .where("f.project_id", "=", q.projectId)
    .where("f.queue_id", "=", q.queueId)
    .where("f.id", "=", (eb) => eb.selectFrom("quality_fits as newer").select(({ fn }) => fn.max("newer.id").as("id")).whereRef("newer.queue_id", "=", "f.queue_id").whereRef("newer.field_key", "=", "f.field_key"))
    .orderBy("f.field_key")
    .execute();
  const stats = await db
    .selectFrom("annotator_stats as s")
    .innerJoin("users as u", "u.id", "s.annotator_id")
    .select(["s.fit_id as fitId", "s.annotator_id as annotatorId", "u.name", "s.reliability", "s.label_count as labelCount", "s.confusion"])
    .where("s.project_id", "=", q.projectId)
    .where("s.queue_id", "=", q.queueId)
    .orderBy("s.reliability", "desc")
    .orderBy("u.name")
    .execute();
  const counted = await db
    .selectFrom("annotations as a")
    .innerJoin("queue_items as qi", "qi.id", "a.queue_item_id")
    .select(sql<number>`1`.as("found"))
    .where("a.project_id", "=", q.projectId)
    .where("qi.queue_id", "=", q.queueId)
    .where("a.counts_toward_gold", "=", true)
    .where("a.gold_check_correct", "is", null)
    .limit(1)
    .executeTakeFirst();
  return {
    queue,
    hasCountedAnswers: counted !== undefined,
    fields: fits.map((fit) => ({
      fieldKey: fit.field_key,
      fitId: Number(fit.id),
      method: fit.method,
      classes: fit.classes as string[],
      classPriors: fit.class_priors as number[],
      iterations: fit.iterations,
      isConverged: fit.is_converged,
      logLikelihood: fit.log_likelihood,
      labelCount: fit.label_count,
      itemCount: fit.item_count,
      annotatorCount: fit.annotator_count,
      clampedItemCount: fit.clamped_item_count,
      readMs: fit.read_ms,
      fitMs: fit.fit_ms,
      writeMs: fit.write_ms,
      fittedAt: fit.fitted_at,
      annotators: stats
        .filter((row) => Number(row.fitId) === Number(fit.id))
        .map((row) => ({ annotatorId: row.annotatorId, name: row.name, reliability: row.reliability, labelCount: row.labelCount, confusion: row.confusion as number[][] })),
    })),
    refit: await findLatestRefitRequest(db, q),
  };
}
