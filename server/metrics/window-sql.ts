import { sql, type RawBuilder } from "kysely";
import { windowLength, type WindowSet } from "./windows";

/** The UTC window a timestamp column falls in, as timestamptz. */
export function windowOf(column: RawBuilder<unknown>, windows: WindowSet): RawBuilder<Date> {
  return sql<Date>`date_trunc(${windows.granularity}, ${column}, 'UTC')`;
}

/**
 * True for timestamps inside one of the windows: the span first (an index range), then the exact windows.
 * Windows that tile their span (a backfill) need only the span: matching every row against thousands of
 * hourly starts would cost more than the rest of the statement.
 */
export function inWindows(column: RawBuilder<unknown>, windows: WindowSet): RawBuilder<boolean> {
  if (windows.starts.length * windowLength(windows.granularity) === windows.to.getTime() - windows.from.getTime()) {
    return sql<boolean>`(${column} >= ${windows.from} and ${column} < ${windows.to})`;
  }
  const starts = windows.starts.map((start) => start.toISOString());
  return sql<boolean>`(${column} >= ${windows.from} and ${column} < ${windows.to} and date_trunc(${windows.granularity}, ${column}, 'UTC') = any(${starts}::timestamptz[]))`;
}

/** The key of a queue's first single-choice field (a stored generated column): the one the label, approval and suggestion metrics read. */
export const labelFieldOf = (queues: string) => sql.raw(`${queues}.primary_choice_key`);
