import { sql, type Transaction } from "kysely";
import type { DB } from "@/db/types";
import type { Executor } from "@/db/executor";
import type { LabelField } from "@/server/labels/field-types";
import type { FieldUse } from "./schema-change";

type Scope = { projectId: string; queueId: string; version: number };

/**
 * The answers of a version that a new version must still read: those of items still open (pending, in
 * review, closed to new labels or with a lead). Resolved items' answers, and gold, keep their version.
 */
const openAnswerValues = (scope: Scope) => sql`(
  select a.values from annotations a join queue_items qi on qi.id = a.queue_item_id
  where a.project_id = ${scope.projectId} and qi.project_id = ${scope.projectId} and qi.queue_id = ${scope.queueId}
    and a.schema_version = ${scope.version} and qi.state <> 'resolved'
)`;

/** What a field's answers are made of: an option (or a point) each, options in a list, or criteria in an object. */
function partsOf(field: LabelField) {
  switch (field.type) {
    case "multi_select":
      return sql`jsonb_array_elements_text(case when jsonb_typeof(answered.values -> ${field.key}) = 'array' then answered.values -> ${field.key} else '[]' end)`;
    case "rubric":
      return sql`jsonb_object_keys(case when jsonb_typeof(answered.values -> ${field.key}) = 'object' then answered.values -> ${field.key} else '{}' end)`;
    default:
      return sql`(select answered.values ->> ${field.key})`;
  }
}

/** How each field of the version is used by the answers of open items: how many answer it, and how often each part appears. */
export async function measureFieldUse(db: Executor, scope: Scope, fields: readonly LabelField[]): Promise<Map<string, FieldUse>> {
  const use = new Map<string, FieldUse>();
  for (const field of fields) {
    const { rows } = await sql<{ part: string | null; count: number }>`
      select part.value as part, count(*)::int as count
      from ${openAnswerValues(scope)} answered cross join lateral ${partsOf(field)} as part(value)
      where answered.values ? ${field.key}
      group by part.value
    `.execute(db);
    const values = new Map(rows.flatMap((row) => (row.part === null ? [] : [[row.part, row.count] as const])));
    const { rows: totals } = await sql<{ answers: number }>`select count(*)::int as answers from ${openAnswerValues(scope)} answered where answered.values ? ${field.key}`.execute(db);
    use.set(field.key, { answers: totals[0]?.answers ?? 0, values });
  }
  return use;
}

/** How many answers of open items the version has: answers a newly required field would be missing. */
export async function countOpenAnswers(db: Executor, scope: Scope): Promise<number> {
  const { rows } = await sql<{ answers: number }>`select count(*)::int as answers from ${openAnswerValues(scope)} answered`.execute(db);
  return rows[0]?.answers ?? 0;
}

/**
 * Carries the answers of open items over to the new version: a removed option they chose becomes its
 * mapped option, and their version moves on (their values now fit it). Answers of resolved items, and
 * gold, keep the version they were given under.
 */
export async function carryOpenAnswersOver(trx: Transaction<DB>, scope: Scope, fields: readonly LabelField[], mappings: Record<string, Record<string, string>>): Promise<number> {
  const openAnswers = sql`
    from queue_items qi
    where qi.id = a.queue_item_id and qi.project_id = ${scope.projectId} and qi.queue_id = ${scope.queueId} and qi.state <> 'resolved'
      and a.project_id = ${scope.projectId} and a.schema_version = ${scope.version}`;
  let remapped = 0;
  for (const field of fields) {
    for (const [from, to] of Object.entries(mappings[field.key] ?? {})) {
      const result =
        field.type === "multi_select"
          ? await sql`
              update annotations a set values = jsonb_set(a.values, array[${field.key}], (
                select coalesce(jsonb_agg(distinct case when chosen = ${from} then ${to} else chosen end), '[]'::jsonb)
                from jsonb_array_elements_text(a.values -> ${field.key}) chosen))
              ${openAnswers} and jsonb_typeof(a.values -> ${field.key}) = 'array' and a.values -> ${field.key} ? ${from}`.execute(trx)
          : await sql`
              update annotations a set values = jsonb_set(a.values, array[${field.key}], to_jsonb(${to}::text))
              ${openAnswers} and a.values ->> ${field.key} = ${from}`.execute(trx);
      remapped += Number(result.numAffectedRows ?? 0);
    }
  }
  await sql`update annotations a set schema_version = ${scope.version + 1} ${openAnswers}`.execute(trx);
  return remapped;
}

/** Makes `labelSchema` the queue's version n+1, kept with who made it. */
export async function insertSchemaVersion(trx: Transaction<DB>, scope: Scope & { labelSchema: unknown; createdBy: string; approvalValues: unknown }): Promise<void> {
  await trx
    .insertInto("queue_schema_versions")
    .values({ project_id: scope.projectId, queue_id: scope.queueId, version: scope.version + 1, label_schema: JSON.stringify(scope.labelSchema), created_by: scope.createdBy })
    .execute();
  await trx
    .updateTable("queues")
    .set({ label_schema: JSON.stringify(scope.labelSchema), schema_version: scope.version + 1, approval_values: JSON.stringify(scope.approvalValues), updated_at: sql`now()` })
    .where("project_id", "=", scope.projectId)
    .where("id", "=", scope.queueId)
    .execute();
}

/** A queue's schema versions, newest first, with who made each. */
export async function listSchemaVersions(db: Executor, projectId: string, queueId: string) {
  return db
    .selectFrom("queue_schema_versions as v")
    .leftJoin("users as u", "u.id", "v.created_by")
    .select(["v.version", "v.label_schema as labelSchema", "v.created_at as createdAt", "u.name as createdByName"])
    .where("v.project_id", "=", projectId)
    .where("v.queue_id", "=", queueId)
    .orderBy("v.version", "desc")
    .execute();
}

/** The queue's open items whose output has no candidates: a pairwise field would have nothing to compare on them. */
export async function countOpenItemsWithoutCandidates(db: Executor, scope: Scope): Promise<number> {
  const { rows } = await sql<{ items: number }>`
    select count(*)::int as items
    from queue_items qi
    join outputs o on o.id = qi.output_id and o.project_id = qi.project_id
    where qi.project_id = ${scope.projectId} and qi.queue_id = ${scope.queueId} and qi.state in ('pending', 'in_review') and o.candidates is null
  `.execute(db);
  return rows[0]?.items ?? 0;
}
