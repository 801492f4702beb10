import { sql } from "kysely";
import type { Database } from "@/db";

export type RowCounts = Record<string, number>;

/** Counts the rows of every table of the app (the public schema, less Kysely's bookkeeping) in one statement. */
export async function createRowCounter(db: Database): Promise<() => Promise<RowCounts>> {
  const tables = await sql<{ name: string }>`
    select table_name as name from information_schema.tables
    where table_schema = 'public' and table_type = 'BASE TABLE' and table_name not like 'kysely_%'
    order by table_name
  `.execute(db);
  const names = tables.rows.map((row) => row.name);
  const counts = sql.join(names.map((name) => sql`(select count(*) from ${sql.table(name)})::int as ${sql.ref(name)}`));
  return async () => (await sql<RowCounts>`select ${counts}`.execute(db)).rows[0]!;
}

/** The tables whose row count differs, as `table: before → after`. */
export function describeRowChanges(before: RowCounts, after: RowCounts): string[] {
  return Object.keys(after).flatMap((table) => (before[table] === after[table] ? [] : [`${table}: ${before[table]} → ${after[table]}`]));
}
