import { sql } from "kysely";
import type { Executor } from "@/db/executor";
import type { ProjectRole } from "@/server/auth/roles";

/**
 * Which answers a read covers: the project, optionally one queue and one annotator, and optionally only
 * answers given before `until` (an annotator's own view stops at the start of today; see the service).
 */
export type AnalyticsScope = { projectId: string; queueId?: string; annotatorId?: string; until?: Date };

// Counted answers only: production labels that vote. Decoy answers (counts_toward_gold false) and gold-check
// answers (gold_check_correct set) are tests of the annotator, not their work.
const countedAnswersFrom = (scope: AnalyticsScope, extraJoin = sql``) => sql`
  annotations a
  join queue_items qi on qi.id = a.queue_item_id and qi.project_id = ${scope.projectId}
  ${extraJoin}
  where a.project_id = ${scope.projectId} and a.counts_toward_gold and a.gold_check_correct is null
    and (${scope.queueId ?? null}::uuid is null or qi.queue_id = ${scope.queueId ?? null}::uuid)
    and (${scope.annotatorId ?? null}::uuid is null or a.annotator_id = ${scope.annotatorId ?? null}::uuid)
    and (${scope.until ?? null}::timestamptz is null or a.created_at < ${scope.until ?? null}::timestamptz)
`;

export type AnalyticsPerson = { id: string; name: string; role: ProjectRole };

/**
 * The people analytics covers: every annotator member, and every other member who has answered or skipped an item
 * (leads and admins label too). Removed members are left out with their access.
 */
export async function listAnalyticsPeople(db: Executor, projectId: string): Promise<AnalyticsPerson[]> {
  const query = db
    .selectFrom("memberships as m")
    .innerJoin("users as u", "u.id", "m.user_id")
    .select(["u.id", "u.name", "m.role"])
    .where("m.project_id", "=", projectId)
    .where((eb) =>
      eb.or([
        eb("m.role", "=", "annotator"),
        eb.exists(
          eb
            .selectFrom("assignments as s")
            .select("s.id")
            .where("s.project_id", "=", projectId)
            .whereRef("s.annotator_id", "=", "m.user_id")
            .where("s.state", "in", ["submitted", "skipped"]),
        ),
      ]),
    )
    .orderBy("u.name")
    .orderBy("u.id");
  return query.$narrowType<{ role: ProjectRole }>().execute();
}

/** A member of the project, whoever they are, or undefined. */
export async function findProjectPerson(db: Executor, projectId: string, userId: string) {
  return db
    .selectFrom("memberships as m")
    .innerJoin("users as u", "u.id", "m.user_id")
    .select(["u.id", "u.name", "m.role"])
    .where("m.project_id", "=", projectId)
    .where("m.user_id", "=", userId)
    .$narrowType<{ role: ProjectRole }>()
    .executeTakeFirst();
}

/** Counted answers per annotator per UTC day, from `since` on; days without answers have no row. */
export async function countDailyAnswers(db: Executor, scope: AnalyticsScope, since: Date) {
  const { rows } = await sql<{ annotatorId: string; day: Date; answers: string }>`
    select a.annotator_id as "annotatorId", date_trunc('day', a.created_at, 'UTC') as day, count(*) as answers
    from ${countedAnswersFrom(scope)} and a.created_at >= ${since}
    group by 1, 2
  `.execute(db);
  return rows.map((row) => ({ annotatorId: row.annotatorId, day: new Date(row.day), answers: Number(row.answers) }));
}

/** Per annotator: counted answers, how many of them recorded a time, and the median of those times. */
export async function summarizeAnswerTimes(db: Executor, scope: AnalyticsScope) {
  const { rows } = await sql<{ annotatorId: string; answers: string; timedAnswers: string; medianTimeMs: number | null }>`
    select a.annotator_id as "annotatorId", count(*) as answers, count(a.time_spent_ms) as "timedAnswers",
      percentile_cont(0.5) within group (order by a.time_spent_ms) as "medianTimeMs"
    from ${countedAnswersFrom(scope)}
    group by 1
  `.execute(db);
  return rows.map((row) => ({
    annotatorId: row.annotatorId,
    answers: Number(row.answers),
    timedAnswers: Number(row.timedAnswers),
    medianTimeMs: row.medianTimeMs === null ? null : Number(row.medianTimeMs),
  }));
}

/** Per annotator: production assignments they finished by submitting or by skipping (gold checks and decoys left out). */
export async function countFinishedAssignments(db: Executor, scope: AnalyticsScope) {
  let query = db
    .selectFrom("assignments as s")
    .select("s.annotator_id as annotatorId")
    .select(({ fn }) => [
      fn.count<string>("s.id").filterWhere("s.state", "=", "submitted").as("submitted"),
      fn.count<string>("s.id").filterWhere("s.state", "=", "skipped").as("skipped"),
    ])
    .where("s.project_id", "=", scope.projectId)
    .where("s.is_gold_check", "=", false)
    .where("s.is_decoy", "=", false)
    .where("s.state", "in", ["submitted", "skipped"])
    .groupBy("s.annotator_id");
  if (scope.queueId) query = query.where("s.queue_id", "=", scope.queueId);
  if (scope.annotatorId) query = query.where("s.annotator_id", "=", scope.annotatorId);
  if (scope.until) query = query.where("s.created_at", "<", scope.until);
  const rows = await query.execute();
  return rows.map((row) => ({ annotatorId: row.annotatorId, submitted: Number(row.submitted), skipped: Number(row.skipped) }));
}

/**
 * How often each value was given per queue and field, split into `annotatorId`'s answers and everyone
 * else's, over the queues where `annotatorId` has answered.
 */
export async function countLabelValues(db: Executor, scope: AnalyticsScope & { annotatorId: string }) {
  const everyone = { projectId: scope.projectId, queueId: scope.queueId, until: scope.until };
  const { rows } = await sql<{ queueId: string; fieldKey: string; value: string; isMine: boolean; answers: string }>`
    select qi.queue_id as "queueId", field.key as "fieldKey", field.value #>> '{}' as value,
      a.annotator_id = ${scope.annotatorId}::uuid as "isMine", count(*) as answers
    from ${countedAnswersFrom(everyone, sql`cross join lateral jsonb_each(a.values) as field`)}
      and qi.queue_id in (select s.queue_id from assignments s where s.project_id = ${scope.projectId} and s.annotator_id = ${scope.annotatorId}::uuid and s.state = 'submitted')
    group by 1, 2, 3, 4
  `.execute(db);
  return rows.map((row) => ({ ...row, answers: Number(row.answers) }));
}

/** Names and label schemas of the project's queues (archived ones too: their answers still count). */
export async function listQueueSchemas(db: Executor, projectId: string, queueIds: readonly string[]) {
  if (queueIds.length === 0) return [];
  return db
    .selectFrom("queues")
    .select(["id", "name", "label_schema as labelSchema"])
    .where("project_id", "=", projectId)
    .where("id", "in", queueIds)
    .execute();
}

/** The project's queues for the filter, open ones first. */
export async function listQueueChoices(db: Executor, projectId: string) {
  return db
    .selectFrom("queues")
    .select(["id", "name", sql<boolean>`archived_at is not null`.as("isArchived")])
    .where("project_id", "=", projectId)
    .orderBy(sql`archived_at is not null`)
    .orderBy("name")
    .execute();
}
