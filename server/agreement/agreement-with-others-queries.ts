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
export async function measureAgreementWithOthers(db: Executor, filter: { projectId: string; queueId?: string; annotatorId?: string }): Promise<AgreementWithOthers[]> {
  const queueId = filter.queueId ?? null;
  const annotatorId = filter.annotatorId ?? null;
  const { rows } = await sql<{ annotatorId: string; pairs: string; agreeingPairs: string }>`
    with answers as (
      select a.queue_item_id, a.annotator_id, field.key, field.value
      from annotations a
      join queue_items qi on qi.id = a.queue_item_id and qi.project_id = ${filter.projectId}
      cross join lateral jsonb_each(a.values) as field
      where a.project_id = ${filter.projectId} and a.counts_toward_gold and a.gold_check_correct is null
        and (${queueId}::uuid is null or qi.queue_id = ${queueId}::uuid)
    )
    select mine.annotator_id as "annotatorId", count(*) as pairs, count(*) filter (where mine.value = theirs.value) as "agreeingPairs"
    from answers mine
    join answers theirs on theirs.queue_item_id = mine.queue_item_id and theirs.key = mine.key and theirs.annotator_id <> mine.annotator_id
    where (${annotatorId}::uuid is null or mine.annotator_id = ${annotatorId}::uuid)
    group by mine.annotator_id
  `.execute(db);
  return rows.map((row) => {
    const pairs = Number(row.pairs);
    const agreeingPairs = Number(row.agreeingPairs);
    return { annotatorId: row.annotatorId, pairs, agreeingPairs, agreement: pairs > 0 ? agreeingPairs / pairs : null };
  });
}
