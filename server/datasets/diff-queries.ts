import { sql, type Expression } from "kysely";
import type { Json } from "@/db/types";
import { selectEligibleGold, type DatasetScope } from "./queries";
import type { Executor } from "@/db/executor";

/** Rows compared across releases, keyed by (queue, output): one current gold exists per queue item. */
export function selectEligibleRowKeys(db: Executor, scope: DatasetScope) {
  return selectEligibleGold(db, scope).select([
    "gold_labels.output_id as outputId",
    "gold_labels.queue_id as queueId",
    "outputs.external_id as externalId",
    "gold_labels.values as label",
    "gold_labels.correction",
  ]);
}

/** A frozen release's rows under the same keys; rows frozen before releases kept their queue take it from their gold. */
export function selectReleaseRowKeys(db: Executor, projectId: string, releaseId: number) {
  return db
    .selectFrom("release_rows")
    .leftJoin("gold_labels", (join) => join.onRef("gold_labels.id", "=", "release_rows.gold_label_id").on("gold_labels.project_id", "=", projectId))
    .select([
      "release_rows.output_id as outputId",
      sql<string>`coalesce(release_rows.queue_id, gold_labels.queue_id)`.as("queueId"),
      "release_rows.external_id as externalId",
      "release_rows.label",
      "release_rows.correction",
    ])
    .where("release_rows.project_id", "=", projectId)
    .where("release_rows.release_id", "=", releaseId);
}

/** Rows present in both with a different label or correction. */
const isRelabelled = sql`cur."outputId" is not null and prev."outputId" is not null and (cur.label is distinct from prev.label or cur.correction is distinct from prev.correction)`;

/**
 * Counts rows added, removed and relabelled (label or correction changed) from `previous` to `current`,
 * in one statement. Both are row-key selections from the two functions above.
 */
export async function diffRowKeys(db: Executor, current: Expression<unknown>, previous: Expression<unknown>) {
  const { rows } = await sql<{ added: number; removed: number; relabelled: number }>`
    select
      count(*) filter (where prev."outputId" is null)::int as added,
      count(*) filter (where cur."outputId" is null)::int as removed,
      count(*) filter (where ${isRelabelled})::int as relabelled
    from (${current}) as cur
    full join (${previous}) as prev on cur."outputId" = prev."outputId" and cur."queueId" = prev."queueId"
  `.execute(db);
  const counts = rows[0] ?? { added: 0, removed: 0, relabelled: 0 };
  return { added: counts.added, removed: counts.removed, relabelled: counts.relabelled };
}

export type RowChangeDetail = {
  change: "added" | "removed" | "relabelled";
  externalId: string;
  outputId: number;
  queueId: string;
  before: { label: Json; correction: string | null } | null;
  after: { label: Json; correction: string | null } | null;
};

/** The changed rows from `previous` to `current`, row by row in external-id order, one page at a time. */
export async function listRowChanges(
  db: Executor,
  params: { current: Expression<unknown>; previous: Expression<unknown>; change?: RowChangeDetail["change"]; limit: number; offset: number },
): Promise<{ rows: RowChangeDetail[]; total: number }> {
  const changeFilter = params.change ? sql`where change = ${params.change}` : sql``;
  const { rows } = await sql<{
    change: RowChangeDetail["change"];
    externalId: string;
    outputId: number;
    queueId: string;
    beforeLabel: Json | null;
    beforeCorrection: string | null;
    afterLabel: Json | null;
    afterCorrection: string | null;
    total: number;
  }>`
    select *, count(*) over ()::int as total from (
      select
        case when prev."outputId" is null then 'added' when cur."outputId" is null then 'removed' else 'relabelled' end as change,
        coalesce(cur."externalId", prev."externalId") as "externalId",
        coalesce(cur."outputId", prev."outputId") as "outputId",
        coalesce(cur."queueId", prev."queueId") as "queueId",
        prev.label as "beforeLabel", prev.correction as "beforeCorrection",
        cur.label as "afterLabel", cur.correction as "afterCorrection"
      from (${params.current}) as cur
      full join (${params.previous}) as prev on cur."outputId" = prev."outputId" and cur."queueId" = prev."queueId"
      where prev."outputId" is null or cur."outputId" is null or (${isRelabelled})
    ) as changes
    ${changeFilter}
    order by "externalId", "queueId"
    limit ${params.limit} offset ${params.offset}
  `.execute(db);
  return {
    total: rows[0]?.total ?? 0,
    rows: rows.map((row) => ({
      change: row.change,
      externalId: row.externalId,
      outputId: row.outputId,
      queueId: row.queueId,
      before: row.change === "added" ? null : { label: row.beforeLabel, correction: row.beforeCorrection },
      after: row.change === "removed" ? null : { label: row.afterLabel, correction: row.afterCorrection },
    })),
  };
}
