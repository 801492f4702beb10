import { sql, type RawBuilder } from "kysely";

/**
 * floor(log2(max(x, 1))) of an integer column, exactly, as the bit length of x less one: numeric log is
 * exact too but costs about 8 µs a row, which is most of a million-row backfill.
 */
export function log2BinOf(column: RawBuilder<unknown>): RawBuilder<number> {
  return sql<number>`(length(ltrim(greatest(${column}, 1)::bit(32)::text, '0')) - 1)`;
}
