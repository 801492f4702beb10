import { sql } from "kysely";
import { entropyBits, finiteOrNull, labelCountsDetail, log2Histogram, share, type MetricRow } from "../points";
import { inWindows, labelFieldOf, windowOf } from "../window-sql";
import type { WindowSet } from "../windows";
import { log2BinOf } from "./log2-bin-sql";
import type { Executor } from "@/db/executor";

type AnnotatorWindow = {
  queueId: string;
  annotatorId: string;
  windowStart: Date;
  field: string;
  annotations: number;
  decoys: number;
  decoysAccepted: number;
  shown: number;
  agreed: number;
  timed: number;
  medianMs: number | null;
  labels: Record<string, number>;
  timeBins: Record<string, number> | null;
};

/**
 * The rubber-stamp instruments, per annotator and queue: decoy acceptance, agreement with real suggestions,
 * time on item and label entropy. Every annotation counts here, decoys included: they are the measurement.
 * "Kept" means the answer to the queue's field equals the value the suggestion showed for it.
 */
export async function computeAnnotatorPoints(db: Executor, windows: WindowSet): Promise<MetricRow[]> {
  // One scan and one group-by: each group's labels and time bins are counted from its own arrays, so nothing
  // joins the answers back to an aggregate of themselves.
  const { rows } = await sql<AnnotatorWindow>`
    select answers.queue_id as "queueId", answers.annotator_id as "annotatorId", answers.window_start as "windowStart", min(answers.field) as field,
      count(*)::int as annotations,
      count(*) filter (where answers.was_decoy)::int as decoys,
      count(*) filter (where answers.was_decoy and answers.kept)::int as "decoysAccepted",
      count(*) filter (where answers.was_shown and not answers.was_decoy)::int as shown,
      count(*) filter (where answers.was_shown and not answers.was_decoy and answers.kept)::int as agreed,
      count(answers.time_spent_ms)::int as timed,
      percentile_cont(0.5) within group (order by answers.time_spent_ms) as "medianMs",
      (select jsonb_object_agg(label, count) from (select label, count(*)::int as count from unnest(array_agg(answers.label)) as label group by 1) as counted) as labels,
      (select jsonb_object_agg(bin, count) from (
        select bin, count(*)::int as count from unnest(array_agg(answers.time_bin)) as bin where bin is not null group by 1
      ) as binned) as "timeBins"
    from (
      select queue_items.queue_id, annotations.annotator_id, ${windowOf(sql`annotations.created_at`, windows)} as window_start,
        ${labelFieldOf("queues")} as field,
        coalesce(annotations.values->>${labelFieldOf("queues")}, '(none)') as label,
        annotations.was_decoy, annotations.shown_suggestion is not null as was_shown,
        annotations.values->>${labelFieldOf("queues")} = annotations.shown_suggestion->'values'->>${labelFieldOf("queues")} as kept,
        annotations.time_spent_ms, ${log2BinOf(sql`annotations.time_spent_ms`)} as time_bin
      from annotations
      join queue_items on queue_items.id = annotations.queue_item_id and queue_items.project_id = ${windows.projectId}
      join queues on queues.id = queue_items.queue_id and queues.project_id = ${windows.projectId}
      -- Gold checks measure accuracy on known answers, a sample chosen by a lead, not the annotator's habits.
      where annotations.project_id = ${windows.projectId} and annotations.gold_check_correct is null and ${inWindows(sql`annotations.created_at`, windows)}
    ) as answers
    group by 1, 2, 3
  `.execute(db);
  return rows.flatMap((row) => {
    const base = { queueId: row.queueId, subject: row.annotatorId, windowStart: row.windowStart };
    const points: MetricRow[] = [
      { ...base, metric: "annotator.labels", sampleSize: row.annotations, value: entropyBits(row.labels), detail: labelCountsDetail(row.field, row.labels) },
    ];
    if (row.decoys > 0) points.push({ ...base, metric: "annotator.decoy_acceptance", sampleSize: row.decoys, value: share(row.decoysAccepted, row.decoys), detail: { accepted: row.decoysAccepted } });
    if (row.shown > 0) points.push({ ...base, metric: "annotator.suggestion_agreement", sampleSize: row.shown, value: share(row.agreed, row.shown), detail: { agreed: row.agreed } });
    if (row.timed > 0) {
      const medianMs = finiteOrNull(row.medianMs);
      points.push({ ...base, metric: "annotator.time_on_item", sampleSize: row.timed, value: medianMs === null ? null : medianMs / 1000, detail: log2Histogram(row.timeBins) });
    }
    return points;
  });
}
