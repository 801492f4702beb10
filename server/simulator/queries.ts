import { sql } from "kysely";
import type { Executor } from "@/db/executor";

/** The project's timestamp columns a simulated day writes, by table. */
const dayColumns = {
  outputs: ["produced_at", "created_at"],
  signals: ["occurred_at", "created_at"],
  queue_items: ["created_at", "resolved_at"],
  assignments: ["created_at", "heartbeat_at", "lease_expires_at", "submitted_at"],
  annotations: ["created_at"],
  gold_labels: ["created_at", "ingested_at", "queued_at", "first_claimed_at", "pullable_at"],
} as const;

/** The database's clock, which stamps every row: the day's rows are those stamped at or after it. */
export async function readDatabaseClock(db: Executor): Promise<Date> {
  const { rows } = await sql<{ now: Date }>`select clock_timestamp() as now`.execute(db);
  return rows[0]!.now;
}

/**
 * Moves every timestamp of the project's rows that is at or after `since` by `shiftMs`: the day just
 * worked through in real time lands on its simulated day, in the same order and with the same gaps.
 * Timestamps before `since` already sit on earlier simulated days and stay where they are.
 */
export async function shiftProjectTimestamps(db: Executor, params: { projectId: string; since: Date; shiftMs: number }): Promise<void> {
  const shift = sql`make_interval(secs => ${params.shiftMs / 1_000})`;
  for (const [table, columns] of Object.entries(dayColumns)) {
    const assignments = columns.map((column) => sql`${sql.ref(column)} = case when ${sql.ref(column)} >= ${params.since} then ${sql.ref(column)} + ${shift} else ${sql.ref(column)} end`);
    const touched = columns.map((column) => sql`${sql.ref(column)} >= ${params.since}`);
    await sql`update ${sql.table(table)} set ${sql.join(assignments)} where project_id = ${params.projectId} and (${sql.join(touched, sql` or `)})`.execute(db);
  }
}
