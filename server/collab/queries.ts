import type { Kysely, Transaction } from "kysely";
import { sql } from "kysely";
import type { DB } from "@/db/types";

type Executor = Kysely<DB> | Transaction<DB>;

export async function findDocumentState(db: Executor, projectId: string, name: string): Promise<Uint8Array | null> {
  const row = await db
    .selectFrom("collab_docs")
    .select("state")
    .where("project_id", "=", projectId)
    .where("name", "=", name)
    .executeTakeFirst();
  return row ? new Uint8Array(row.state) : null;
}

/** Stores the full document state; Hocuspocus always hands us the whole state, so the last write is complete. */
export async function upsertDocumentState(db: Executor, values: { projectId: string; name: string; state: Buffer }): Promise<void> {
  await db
    .insertInto("collab_docs")
    .values({ name: values.name, project_id: values.projectId, state: values.state })
    .onConflict((conflict) =>
      conflict
        .column("name")
        .doUpdateSet({ state: values.state, updated_at: sql`now()` })
        .where("collab_docs.project_id", "=", values.projectId),
    )
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
