import * as Y from "yjs";
import type { Kysely } from "kysely";
import type { DB } from "@/db/types";
import type { Executor } from "@/db/executor";
import { deleteLoggedUpdates, findDocumentSnapshot, listLoggedUpdates, lockDocumentForCompaction, saveDocumentSnapshot } from "./queries";

/** A document's states (snapshot, logged updates, a live copy) folded into one Yjs update; deleted content is collected. */
export function mergeDocumentStates(states: readonly Uint8Array[]): Uint8Array {
  const doc = new Y.Doc();
  try {
    for (const state of states) Y.applyUpdate(doc, state);
    return Y.encodeStateAsUpdate(doc);
  } finally {
    doc.destroy();
  }
}

/**
 * Everything stored of a document, as one Yjs update: its snapshot plus every logged update not yet
 * folded into it. Null when nothing is stored. Readers (load, submit, finalize) use this, never the
 * snapshot alone, which may lag the log by a compaction.
 */
export async function findDocumentState(db: Executor, projectId: string, name: string): Promise<Uint8Array | null> {
  const snapshot = await findDocumentSnapshot(db, projectId, name);
  const logged = await listLoggedUpdates(db, projectId, name);
  if (!snapshot && logged.length === 0) return null;
  if (logged.length === 0) return snapshot;
  return mergeDocumentStates([...(snapshot ? [snapshot] : []), ...logged.map((row) => row.update)]);
}

/**
 * Folds a document's log into its snapshot and deletes the rows folded, in one transaction that holds the
 * document's compaction lock. `liveState`, the document as a server holds it in memory, is folded too:
 * merging is idempotent, so including it can only add edits, never lose one. Returns the document's whole
 * stored state, or null when nothing is stored.
 */
export async function compactDocument(
  db: Kysely<DB>,
  params: { projectId: string; name: string; liveState?: Uint8Array },
): Promise<Uint8Array | null> {
  return db.transaction().execute(async (trx) => {
    await lockDocumentForCompaction(trx, params.name);
    // Read under the lock: rows folded by a compaction that held it before us are already deleted.
    const snapshot = await findDocumentSnapshot(trx, params.projectId, params.name);
    const owed = await listLoggedUpdates(trx, params.projectId, params.name);
    if (owed.length === 0 && !params.liveState) return snapshot;
    const state = mergeDocumentStates([...(snapshot ? [snapshot] : []), ...(params.liveState ? [params.liveState] : []), ...owed.map((row) => row.update)]);
    await saveDocumentSnapshot(trx, { projectId: params.projectId, name: params.name, state });
    await deleteLoggedUpdates(trx, params.projectId, owed.map((row) => row.id));
    return state;
  });
}
