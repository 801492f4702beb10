import * as Y from "yjs";
import type { Kysely, Transaction } from "kysely";
import type { DB } from "@/db/types";
import { findDocumentState } from "@/server/collab/persistence-service";
import { buildCollabDocumentName, COLLAB_TEXT_FIELD } from "@/server/collab/schema";
import { ValidationError } from "@/server/lib/errors";
import { stripUnstorableText } from "@/server/lib/safe-text";
import { toCorrection } from "@/server/resolution/rules";

/**
 * The correction held by a collaboration document at submit time. The client's copy (base64 Yjs update)
 * and the stored document are merged, so edits not yet stored by the debounced persistence still count,
 * and so do edits made in another tab that this client has not seen. Null when there is no document at
 * all, or when its text is the original one (whitespace aside): nobody corrected anything. NUL characters
 * and unpaired surrogates are left out of the snapshot.
 */
export async function snapshotCorrection(
  db: Kysely<DB> | Transaction<DB>,
  params: { projectId: string; documentKey: string; correctionState?: string; originalText: string },
): Promise<string | null> {
  const stored = await findDocumentState(db, params.projectId, buildCollabDocumentName(params.projectId, params.documentKey));
  if (!stored && params.correctionState === undefined) return null;
  const doc = new Y.Doc();
  try {
    if (stored) Y.applyUpdate(doc, stored);
    if (params.correctionState !== undefined) {
      try {
        Y.applyUpdate(doc, new Uint8Array(Buffer.from(params.correctionState, "base64")));
      } catch (error) {
        throw new ValidationError("correctionState: not a Yjs document update", { field: "correctionState", cause: error });
      }
    }
    // Anyone editing a shared document can type a NUL, which Postgres cannot store; refusing it would let
    // one stray keystroke block every submit and finalize of the document until someone finds and deletes it.
    return toCorrection(stripUnstorableText(doc.getText(COLLAB_TEXT_FIELD).toString()), params.originalText);
  } finally {
    doc.destroy();
  }
}
