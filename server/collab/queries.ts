import type { Kysely, Transaction } from "kysely";
import { sql } from "kysely";
import type { DB } from "@/db/types";

type Executor = Kysely<DB> | Transaction<DB>;

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
 * Locks a document's snapshot row for the rest of the transaction, creating it from `initialState` when
 * absent, so two compactions of one document (two collab processes) take turns instead of overwriting.
 */
export async function lockDocumentSnapshot(trx: Transaction<DB>, values: { projectId: string; name: string; initialState: Uint8Array }): Promise<Uint8Array> {
  await insertDocumentStateIfAbsent(trx, { projectId: values.projectId, name: values.name, state: Buffer.from(values.initialState) });
  const row = await trx
    .selectFrom("collab_docs")
    .select("state")
    .where("project_id", "=", values.projectId)
    .where("name", "=", values.name)
    .forUpdate()
    .executeTakeFirstOrThrow();
  return new Uint8Array(row.state);
}

export async function updateDocumentSnapshot(db: Executor, values: { projectId: string; name: string; state: Uint8Array }): Promise<void> {
  await db
    .updateTable("collab_docs")
    .set({ state: Buffer.from(values.state), updated_at: sql`now()` })
    .where("project_id", "=", values.projectId)
    .where("name", "=", values.name)
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
