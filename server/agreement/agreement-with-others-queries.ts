import { sql } from "kysely";
import type { Executor } from "@/db/executor";

export type AgreementWithOthers = {
  annotatorId: string;
  /** Pairs (this annotator's answer, another annotator's answer to the same item and field). */
  pairs: number;
  agreeingPairs: number;
  /** agreeingPairs / pairs: how often the others gave the same value; null with no pairs. */
  agreement: number | null;
};

/**
 * How often each annotator's counted answers match the other annotators' answers on the same items, field
 * by field. Decoy and gold-check answers are left out: they are not production labels.
 */
export async function measureAgreementWithOthers(
  db: Executor,
  filter: { projectId: string; queueId?: string; annotatorId?: string; until?: Date },
): Promise<AgreementWithOthers[]> {
  const queueId = filter.queueId ?? null;
  const until = filter.until ?? null;
  const annotatorId = filter.annotatorId ?? null;
  // One counted answer per annotator and item (assignments are unique per item and annotator), so the
  // others on an item are its answers minus one, and the agreeing others are the same value's minus one:
  // two window counts instead of a self-join.
  const { rows } = await sql<{ annotatorId: string; pairs: string; agreeingPairs: string }>`
    with answers as (
      select a.queue_item_id, a.annotator_id, field.key, field.value
      from annotations a
      join queue_items qi on qi.id = a.queue_item_id and qi.project_id = ${filter.projectId}
      cross join lateral jsonb_each(a.values) as field
      where a.project_id = ${filter.projectId} and a.counts_toward_gold and a.gold_check_correct is null
        and (${queueId}::uuid is null or qi.queue_id = ${queueId}::uuid)
        and (${until}::timestamptz is null or a.created_at < ${until}::timestamptz)
    ), counted as (
      select annotator_id,
        count(*) over (partition by queue_item_id, key) - 1 as others,
        count(*) over (partition by queue_item_id, key, value) - 1 as agreeing
      from answers
    )
    select annotator_id as "annotatorId", sum(others) as pairs, sum(agreeing) as "agreeingPairs"
    from counted
    where (${annotatorId}::uuid is null or annotator_id = ${annotatorId}::uuid)
    group by annotator_id
    having sum(others) > 0
  `.execute(db);
  return rows.map((row) => {
    const pairs = Number(row.pairs);
    const agreeingPairs = Number(row.agreeingPairs);
    return { annotatorId: row.annotatorId, pairs, agreeingPairs, agreement: pairs > 0 ? agreeingPairs / pairs : null };
  });
}
