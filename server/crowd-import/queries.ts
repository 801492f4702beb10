import { sql } from "kysely";
import type { Executor } from "@/db/executor";
import type { ConsensusMethod, LabelSchema } from "@/server/queues/schema";

/** An open queue of the project with this name, with what an import needs to know about it. */
export async function findOpenQueueByName(db: Executor, projectId: string, name: string) {
  return db
    .selectFrom("queues")
    .select(["id", "is_imported as isImported", "label_schema as labelSchema", "schema_version as schemaVersion", "overlap"])
    .where("project_id", "=", projectId)
    .where("name", "=", name)
    .where("archived_at", "is", null)
    .orderBy("created_at")
    .executeTakeFirst();
}

export type NewImportedQueue = {
  projectId: string;
  name: string;
  labelSchema: LabelSchema;
  overlap: number;
  consensusMethod: ConsensusMethod;
  minPosterior: number;
  majorityThreshold: number;
};

/**
 * Inserts a queue for crowd answers. Its sampling rate is 0, so ingest never adds production outputs to
 * it; its items arrive closed to new labels, so nobody is ever asked to claim one.
 */
export async function insertImportedQueue(db: Executor, queue: NewImportedQueue) {
  return db
    .insertInto("queues")
    .values({
      project_id: queue.projectId,
      name: queue.name,
      instructions: "Crowd answers loaded with goldloop import-labels. The items are closed to new labels; each resolves with the answers it was imported with.",
      label_schema: JSON.stringify(queue.labelSchema),
      overlap: queue.overlap,
      lease_seconds: 600,
      mode: "blind",
      sampling_rule: JSON.stringify({ models: [], tags: [], metadata: {}, signals: [], rate: 0 }),
      majority_threshold: queue.majorityThreshold,
      consensus_method: queue.consensusMethod,
      min_posterior: queue.minPosterior,
      is_imported: true,
    })
    .returning(["id"])
    .executeTakeFirstOrThrow();
}

/** Sets an imported queue's policy, and its overlap to the most answers any of its items now has. */
export async function updateImportedQueue(db: Executor, values: { queueId: string; consensusMethod: ConsensusMethod; minPosterior: number }) {
  await db
    .updateTable("queues")
    .set({
      overlap: sql<number>`greatest(overlap, (select max(submitted_count) from queue_items where queue_items.queue_id = queues.id))`,
      consensus_method: values.consensusMethod,
      min_posterior: values.minPosterior,
      updated_at: sql<Date>`now()`,
    })
    .where("id", "=", values.queueId)
    .execute();
}

/**
 * Makes sure every crowd worker is a user (no password, so nobody signs in as them) and an annotator of
 * the project; a worker imported before keeps their user. Returns user ids keyed by email.
 */
export async function upsertCrowdWorkers(db: Executor, projectId: string, workers: readonly { email: string; name: string }[]) {
  const emails = workers.map((worker) => worker.email);
  await sql`
    insert into users (email, name, password_hash)
    select worker.email, worker.name, null
    from unnest(${emails}::text[], ${workers.map((worker) => worker.name)}::text[]) as worker(email, name)
    order by worker.email
    on conflict ((lower(email))) do nothing
  `.execute(db);
  const users = await db.selectFrom("users").select(["id", "email"]).where(sql<boolean>`lower(email) = any(${emails}::text[])`).execute();
  await sql`
    insert into memberships (project_id, user_id, role)
    select ${projectId}::uuid, id, 'annotator' from unnest(${users.map((user) => user.id)}::uuid[]) as worker(id)
    on conflict (project_id, user_id) do nothing
  `.execute(db);
  return new Map(users.map((user) => [user.email, user.id]));
}

/**
 * Inserts one output per crowd item, its only content a short text naming the item, and a queue item for
 * each in `needs_resolution`, closed to new labels. An external id the project already holds keeps its
 * output (a re-import, or the same crowd file imported into a second queue). Returns the queue item id per
 * external id.
 */
export async function upsertCrowdItems(db: Executor, params: { projectId: string; queueId: string; items: readonly { externalId: string; contentHash: string; text: string }[] }) {
  const { projectId, queueId, items } = params;
  const externalIds = items.map((item) => item.externalId);
  await sql`
    insert into outputs (project_id, external_id, input, output, content_hash, produced_at, consent, tags, metadata)
    select ${projectId}::uuid, item.external_id, to_jsonb(item.text), to_jsonb(item.text), item.content_hash, now(), true,
      array['crowd-import'], jsonb_build_object('source', 'crowd-import')
    from unnest(${externalIds}::text[], ${items.map((item) => item.contentHash)}::text[], ${items.map((item) => item.text)}::text[])
      as item(external_id, content_hash, text)
    order by item.external_id
    on conflict (project_id, external_id) do nothing
  `.execute(db);
  await sql`
    insert into queue_items (project_id, queue_id, output_id, content_hash, inclusion_probability, state)
    select ${projectId}::uuid, ${queueId}::uuid, outputs.id, outputs.content_hash, 1, 'needs_resolution'
    from outputs
    where outputs.project_id = ${projectId}::uuid and outputs.external_id = any(${externalIds}::text[])
    order by outputs.id
    on conflict do nothing
  `.execute(db);
  const rows = await db
    .selectFrom("queue_items")
    .innerJoin("outputs", "outputs.id", "queue_items.output_id")
    .select(["queue_items.id", "outputs.external_id as externalId"])
    .where("queue_items.project_id", "=", projectId)
    .where("queue_items.queue_id", "=", queueId)
    .where("outputs.project_id", "=", projectId)
    .where(sql<boolean>`outputs.external_id = any(${externalIds}::text[])`)
    .execute();
  return new Map(rows.map((row) => [row.externalId, row.id]));
}

export type CrowdAnswerRow = { queueItemId: number; annotatorId: string; label: string };

/**
 * Writes each answer as a submitted assignment with its annotation, skipping answers an annotator already
 * gave on that item (so a re-import adds only what is new). Items that gained answers and hold no gold go
 * (back) to `needs_resolution`. Returns how many answers were new. The label travels with the assignment
 * through a map here: joining the inserted rows back to the input in SQL made Postgres nest-loop 25k × 25k.
 */
export async function insertCrowdAnswers(db: Executor, params: { projectId: string; queueId: string; fieldKey: string; schemaVersion: number; answers: readonly CrowdAnswerRow[] }) {
  const { projectId, queueId, answers } = params;
  const assigned = await sql<{ id: number; queue_item_id: number; annotator_id: string }>`
    insert into assignments (project_id, queue_id, queue_item_id, annotator_id, state, lease_expires_at, submitted_at)
    select ${projectId}::uuid, ${queueId}::uuid, answer.queue_item_id, answer.annotator_id, 'submitted', now(), now()
    from unnest(${answers.map((answer) => answer.queueItemId)}::bigint[], ${answers.map((answer) => answer.annotatorId)}::uuid[]) as answer(queue_item_id, annotator_id)
    order by answer.queue_item_id, answer.annotator_id
    on conflict (queue_item_id, annotator_id) do nothing
    returning id::int, queue_item_id::int, annotator_id
  `.execute(db);
  if (assigned.rows.length === 0) return 0;
  const labelOf = new Map(answers.map((answer) => [`${answer.queueItemId} ${answer.annotatorId}`, answer.label]));
  const rows = assigned.rows;
  await sql`
    insert into annotations (project_id, queue_item_id, assignment_id, annotator_id, "values", schema_version)
    select ${projectId}::uuid, answer.queue_item_id, answer.assignment_id, answer.annotator_id, jsonb_build_object(${params.fieldKey}::text, answer.label), ${params.schemaVersion}::int
    from unnest(${rows.map((row) => row.queue_item_id)}::bigint[], ${rows.map((row) => row.id)}::bigint[], ${rows.map((row) => row.annotator_id)}::uuid[],
      ${rows.map((row) => labelOf.get(`${row.queue_item_id} ${row.annotator_id}`)!)}::text[]) as answer(queue_item_id, assignment_id, annotator_id, label)
  `.execute(db);
  const addedPerItem = new Map<number, number>();
  for (const row of rows) addedPerItem.set(row.queue_item_id, (addedPerItem.get(row.queue_item_id) ?? 0) + 1);
  await sql`
    update queue_items
    set assigned_count = assigned_count + added.answers,
      submitted_count = submitted_count + added.answers,
      state = case when queue_items.state = 'resolved' then queue_items.state else 'needs_resolution' end
    from unnest(${[...addedPerItem.keys()]}::bigint[], ${[...addedPerItem.values()]}::int[]) as added(queue_item_id, answers)
    where queue_items.id = added.queue_item_id and queue_items.project_id = ${projectId}::uuid and queue_items.queue_id = ${queueId}::uuid
  `.execute(db);
  return rows.length;
}

/**
 * Refreshes the planner's statistics of the tables an import fills. Right after a bulk import they still
 * describe the tables as they were (autovacuum analyzes later), and the refit's read of a fresh 25k-answer
 * queue then picked a nested loop that took 20 s instead of a hash join that takes milliseconds.
 */
export async function analyzeImportedTables(db: Executor) {
  await sql`analyze outputs, queue_items, assignments, annotations`.execute(db);
}
