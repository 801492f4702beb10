import { sql, type Transaction } from "kysely";
import type { DB } from "@/db/types";

/**
 * The gold feed pages by id, and ids are drawn before commit: a reader that saw gold 11 while gold 10 was
 * still being written would move its cursor past 10 for good. So writers and readers of a project's gold meet
 * at one advisory lock:
 * - a writer holds it shared from before it draws its id until it commits, so writers never wait for each other;
 * - a reader takes it exclusively before it reads, which waits for the writers in flight to commit (new writers
 *   queue behind the reader for the moment its read takes). What it then reads is a gap-free prefix.
 */
const goldOrderKey = (projectId: string) => sql`hashtextextended(${`gold-order:${projectId}`}, 0)`;

/** Call in the writing transaction before inserting gold; held until that transaction ends. */
export async function holdGoldWriterSlot(trx: Transaction<DB>, projectId: string): Promise<void> {
  await sql`select pg_advisory_xact_lock_shared(${goldOrderKey(projectId)})`.execute(trx);
}

/** Call in the reading transaction before reading gold by id; every gold whose id was drawn before is then committed or gone. */
export async function waitForGoldWriters(trx: Transaction<DB>, projectId: string): Promise<void> {
  await sql`select pg_advisory_xact_lock(${goldOrderKey(projectId)})`.execute(trx);
}
