import { sql } from "kysely";
import { bootstrapKrippendorffAlpha, computeKrippendorffAlpha, type ReliabilityData } from "@/server/quality";
import { finiteOrNull, type MetricRow } from "../points";
import { inWindows, labelFieldOf, windowOf } from "../window-sql";
import type { WindowSet } from "../windows";
import type { Executor } from "@/db/executor";

type Answers = { queueId: string; windowStart: Date; queueItemIds: number[]; labels: string[] };

/** Enough resamples for a stable 95 % interval on the α of one review window, cheap enough for every window. */
const BOOTSTRAP_REPLICATES = 200;
/** Fixed, so a recomputed window gets the same interval. */
const BOOTSTRAP_SEED = 1;

/**
 * `agreement.alpha`: nominal Krippendorff α per queue over the items resolved in the window, from the
 * answers that count toward gold, with a seeded percentile-bootstrap interval over items.
 */
export async function computeAgreementPoints(db: Executor, windows: WindowSet): Promise<MetricRow[]> {
  // One row per queue and window, its answers as two arrays in item order: far cheaper to read than a row per answer.
  const { rows } = await sql<Answers>`
    select queue_items.queue_id as "queueId", ${windowOf(sql`queue_items.resolved_at`, windows)} as "windowStart",
      array_agg(queue_items.id::int order by queue_items.id) as "queueItemIds",
      array_agg(annotations.values->>${labelFieldOf("queues")} order by queue_items.id) as labels
    from queue_items
    join queues on queues.id = queue_items.queue_id and queues.project_id = ${windows.projectId}
    join annotations on annotations.queue_item_id = queue_items.id and annotations.project_id = ${windows.projectId} and annotations.counts_toward_gold
    where queue_items.project_id = ${windows.projectId} and ${inWindows(sql`queue_items.resolved_at`, windows)}
      and annotations.values->>${labelFieldOf("queues")} is not null
    group by 1, 2
    order by 1, 2
  `.execute(db);
  return rows.map((answers) => {
    const data = toReliabilityData(answers);
    const result = computeKrippendorffAlpha(data, "nominal");
    const interval = result.pairableUnits > 0 ? bootstrapKrippendorffAlpha(data, "nominal", { replicates: BOOTSTRAP_REPLICATES, seed: BOOTSTRAP_SEED }) : null;
    return {
      queueId: answers.queueId,
      subject: "",
      metric: "agreement.alpha",
      windowStart: answers.windowStart,
      sampleSize: result.pairableUnits,
      value: finiteOrNull(result.alpha),
      detail: { ci: interval ? [finiteOrNull(interval.lower), finiteOrNull(interval.upper)] : null, labels: result.pairableValues },
    };
  });
}

/** Items as units and labels as nominal codes. */
function toReliabilityData(answers: Answers): ReliabilityData {
  const units = new Map<number, number>();
  const codes = new Map<string, number>();
  const unitOf = (item: number) => units.get(item) ?? units.set(item, units.size).get(item)!;
  const codeOf = (label: string) => codes.get(label) ?? codes.set(label, codes.size).get(label)!;
  return {
    units: Int32Array.from(answers.queueItemIds, unitOf),
    values: Float64Array.from(answers.labels, codeOf),
    unitCount: units.size,
  };
}
