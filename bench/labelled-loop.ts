import { sql } from "kysely";
import type { Database } from "../db";

/**
 * Seeds a labelled loop straight into the tables with set-based SQL, for the detector bench: outputs with
 * models, tags, locales and inputs of varied length; one queue item per output spread over the queues (10%
 * holdout); three submitted annotations per item from each queue's 8 annotators (suggestions shown, 10%
 * decoys); the gold each item's counted votes give; thumbs-down and regenerate signals. Every draw is a hash
 * of the row, so a seed is repeatable. From `stampFromDay` on, the first annotator of every queue keeps
 * whatever suggestion it is shown, at a third of its usual time.
 */
export async function seedLabelledLoop(
  db: Database,
  params: { projectId: string; queueIds: string[]; annotatorIds: string[]; start: Date; days: number; itemsPerDay: number; stampFromDay: number },
): Promise<{ labels: number }> {
  const { projectId, queueIds, annotatorIds, start, days, itemsPerDay, stampFromDay } = params;
  const total = days * itemsPerDay;
  const stampFrom = new Date(start.getTime() + stampFromDay * 86_400_000);
  // A uniform draw in [0, 1) from a salt and a row id (SQL expressions, never user input).
  const uniform = (salt: string, id: string) => `((abs(hashtext('${salt}' || ${id})) % 100000) / 100000.0)`;
  const draw = (salt: string, id: string) => sql.raw(uniform(salt, id));
  const options = sql.raw(`(array['helpful', 'harmful', 'off_topic'])`);
  const truth = (item: string) =>
    sql.raw(`(case when ${uniform("truth", item)} < 0.6 then 'helpful' when ${uniform("truth", item)} < 0.9 then 'harmful' else 'off_topic' end)`);
  const stampers = annotatorIds.filter((_, index) => index % 4 === 0);

  await sql`
    insert into outputs (project_id, external_id, model, tags, metadata, input, output, content_hash, produced_at, created_at)
    select ${projectId}::uuid, 'bench-' || g,
      (array['model-a', 'model-b', 'model-c'])[1 + abs(hashtext('model' || g)) % 3],
      array[(array['billing', 'refunds', 'login', 'other'])[1 + abs(hashtext('tag' || g)) % 4]],
      jsonb_build_object('locale', (array['en', 'de', 'fr'])[1 + abs(hashtext('locale' || g)) % 3]),
      jsonb_build_array(jsonb_build_object('role', 'user', 'content', repeat('how do I get my money back ', 1 + abs(hashtext('length' || g)) % 30) || g)),
      to_jsonb('Answer ' || g || ': ' || (array['refunds take five days to reach your card', 'reset your password from the settings page', 'billing support answers within a day', 'we cannot help with that request'])[1 + abs(hashtext('answer' || g)) % 4]),
      md5('bench-' || g),
      ${start}::timestamptz + (g / ${itemsPerDay}) * interval '1 day' + (g % ${itemsPerDay}) * (interval '1 day' / ${itemsPerDay}),
      ${start}::timestamptz + (g / ${itemsPerDay}) * interval '1 day' + (g % ${itemsPerDay}) * (interval '1 day' / ${itemsPerDay})
    from generate_series(0, ${total - 1}) g
  `.execute(db);
  await sql`
    insert into queue_items (project_id, queue_id, output_id, content_hash, inclusion_probability, is_holdout, state, resolved_at, created_at, assigned_count, submitted_count)
    select project_id, (${queueIds}::uuid[])[1 + id % ${queueIds.length}], id, content_hash, 1, ${draw("holdout", "id")} < 0.1, 'resolved',
      produced_at + interval '30 minutes', produced_at + interval '1 minute', 3, 3
    from outputs where project_id = ${projectId}
  `.execute(db);
  // Annotator slot k of item i is the queue's (i + k) mod 8-th annotator; queue q's annotators are 4q … 4q + 7 (mod 20).
  await sql`
    insert into assignments (project_id, queue_id, queue_item_id, annotator_id, state, lease_expires_at, submitted_at, created_at, shown_suggestion, is_decoy)
    select item.project_id, item.queue_id, item.id,
      (${annotatorIds}::uuid[])[1 + ((array_position(${queueIds}::uuid[], item.queue_id) - 1) * 4 + (item.id + slot) % 8) % ${annotatorIds.length}],
      'submitted', item.resolved_at, item.created_at + (slot + 1) * interval '5 minutes', item.created_at,
      jsonb_build_object('source', 'judge', 'values', jsonb_build_object('verdict',
        case when ${draw("decoy", "item.id || '-' || slot")} < 0.1
          then ${options}[1 + (array_position(${options}, suggestion.verdict) + (slot % 2)) % 3]
          else suggestion.verdict end)),
      ${draw("decoy", "item.id || '-' || slot")} < 0.1
    from queue_items item
    cross join generate_series(0, 2) slot
    cross join lateral (select case when ${draw("model", "item.id")} < 0.75 then ${truth("item.id")} else ${options}[1 + abs(hashtext('wrong' || item.id)) % 3] end as verdict) suggestion
    where item.project_id = ${projectId}
  `.execute(db);
  await sql`
    insert into annotations (project_id, queue_item_id, assignment_id, annotator_id, values, correction, schema_version, time_spent_ms, created_at, shown_suggestion, was_decoy, counts_toward_gold)
    select a.project_id, a.queue_item_id, a.id, a.annotator_id,
      jsonb_build_object('verdict', case
        when stamping then a.shown_suggestion->'values'->>'verdict'
        when ${draw("accuracy", "a.id")} < 0.85 then ${truth("a.queue_item_id")}
        else ${options}[1 + abs(hashtext('slip' || a.id)) % 3] end),
      case when not stamping and ${draw("correct", "a.id")} < 0.3 then 'A corrected answer ' || a.id end,
      1,
      round(power(2, (case when stamping then 12.6 else 14.2 end) + 2.4 * (${draw("time1", "a.id")} + ${draw("time2", "a.id")} + ${draw("time3", "a.id")} - 1.5)))::int,
      a.submitted_at, a.shown_suggestion, a.is_decoy, not a.is_decoy
    from assignments a
    cross join lateral (select a.annotator_id = any(${stampers}::uuid[]) and a.submitted_at >= ${stampFrom}::timestamptz as stamping) mode
    where a.project_id = ${projectId}
  `.execute(db);
  // The latency-stamping triggers work row by row (and defer a second pass to commit); this bench measures
  // detectors, and the scratch database is dropped afterwards, so the seed goes around them.
  await sql`alter table gold_labels disable trigger user`.execute(db);
  await sql`
    insert into gold_labels (project_id, queue_id, queue_item_id, output_id, values, method, confidence, provenance, created_at)
    select distinct on (vote.queue_item_id) vote.project_id, item.queue_id, item.id, item.output_id, jsonb_build_object('verdict', vote.verdict), 'majority', 1, '{}'::jsonb, item.resolved_at
    from (
      select project_id, queue_item_id, values->>'verdict' as verdict, count(*) as votes
      from annotations where project_id = ${projectId} and counts_toward_gold group by 1, 2, 3
    ) vote
    join queue_items item on item.id = vote.queue_item_id
    order by vote.queue_item_id, vote.votes desc, vote.verdict
  `.execute(db);
  await sql`alter table gold_labels enable trigger user`.execute(db);
  for (const [kind, rate] of [["thumbs_down", 0.05], ["regenerate", 0.08]] as const) {
    await sql`
      insert into signals (project_id, output_id, kind, occurred_at)
      select project_id, id, ${kind}, produced_at + interval '2 minutes' from outputs
      where project_id = ${projectId} and ${draw(kind, "id")} < ${rate}
    `.execute(db);
  }
  // Fresh statistics, as autovacuum would have gathered on a project this size, so the backfill is planned on them.
  await sql`analyze`.execute(db);
  const { count } = await db.selectFrom("annotations").select((eb) => eb.fn.countAll<string>().as("count")).where("project_id", "=", projectId).executeTakeFirstOrThrow();
  return { labels: Number(count) };
}
