import type { Transaction } from "kysely";
import { sql } from "kysely";
import type { DB } from "@/db/types";
import type { Executor } from "@/db/executor";

/** One Yjs update received from a client, as the log stores it. */
export type LoggedUpdate = { projectId: string; documentName: string; update: Uint8Array };

/**
 * Appends updates of any number of documents in one statement, so a burst from many clients costs one
 * round trip and one commit (group commit). Prepared once per connection: this runs on every keystroke.
 */
export async function appendUpdates(db: Executor, updates: readonly LoggedUpdate[]): Promise<void> {
  await sql`/* prepared:append_collab_updates */ insert into collab_updates (project_id, document_name, update)
    select * from unnest(${updates.map((entry) => entry.projectId)}::uuid[], ${updates.map((entry) => entry.documentName)}::text[], ${updates.map((entry) => Buffer.from(entry.update))}::bytea[])`.execute(
    db,
  );
}

/** A document's logged updates not yet folded into its snapshot, in the order they arrived. */
export async function listLoggedUpdates(db: Executor, projectId: string, name: string): Promise<{ id: number; update: Uint8Array }[]> {
  const rows = await db
    .selectFrom("collab_updates")
    .select(["id", "update"])
    .where("project_id", "=", projectId)
    .where("document_name", "=", name)
    .orderBy("id")
    .execute();
  return rows.map((row) => ({ id: row.id, update: new Uint8Array(row.update) }));
}

/**
 * Deletes exactly the log rows a compaction folded. Not `id <= max`: ids are taken at insert and a
 * smaller one may commit after a larger one was read, and that row must survive until it is folded.
 */
export async function deleteLoggedUpdates(db: Executor, projectId: string, ids: readonly number[]): Promise<void> {
  if (ids.length === 0) return;
  await db.deleteFrom("collab_updates").where("project_id", "=", projectId).where("id", "in", ids).execute();
}

export async function findDocumentSnapshot(db: Executor, projectId: string, name: string): Promise<Uint8Array | null> {
  const row = await db
    .selectFrom("collab_docs")
    .select("state")
    .where("project_id", "=", projectId)
    .where("name", "=", name)
    .executeTakeFirst();
  return row ? new Uint8Array(row.state) : null;
}

/**
 * Makes the rest of the transaction the only one compacting this document (two collab processes sharing it
 * through Redis may both try), without needing its snapshot row to exist yet.
 */
export async function lockDocumentForCompaction(trx: Transaction<DB>, name: string): Promise<void> {
  await sql`select pg_advisory_xact_lock(hashtextextended(${name}, 0))`.execute(trx);
}

export async function saveDocumentSnapshot(db: Executor, values: { projectId: string; name: string; state: Uint8Array }): Promise<void> {
  const state = Buffer.from(values.state);
  await db
    .insertInto("collab_docs")
    .values({ name: values.name, project_id: values.projectId, state })
    .onConflict((conflict) => conflict.column("name").doUpdateSet({ state, updated_at: sql`now()` }).where("collab_docs.project_id", "=", values.projectId))
    .execute();
}

/** Stores a document's first state unless one is already stored (a concurrent first load won). */
export async function insertDocumentStateIfAbsent(db: Executor, values: { projectId: string; name: string; state: Buffer }): Promise<void> {
  await db
    .insertInto("collab_docs")
    .values({ name: values.name, project_id: values.projectId, state: values.state })
    .onConflict((conflict) => conflict.column("name").doNothing())
    .execute();
}

/** Deletes a document's snapshot and logged updates. */
export async function deleteDocument(db: Executor, projectId: string, name: string): Promise<void> {
  await db.deleteFrom("collab_updates").where("project_id", "=", projectId).where("document_name", "=", name).execute();
  await db.deleteFrom("collab_docs").where("project_id", "=", projectId).where("name", "=", name).execute();
}
