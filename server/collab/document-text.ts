import * as Y from "yjs";
import type { Executor } from "@/db/executor";
import { ValidationError } from "@/server/lib/errors";
import { findDocumentState } from "./persistence-service";
import { buildCollabDocumentName, COLLAB_TEXT_FIELD } from "./schema";

/**
 * A collaboration document's text at this moment. The client's copy (`correctionState`, a base64 Yjs
 * update) and the stored document are merged, so edits not yet stored by the debounced persistence still
 * count, and so do edits made in another tab that this client has not seen. Null when nothing is stored
 * and the client sent no copy.
 */
export async function readDocumentText(
  db: Executor,
  params: { projectId: string; documentKey: string; correctionState?: string },
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
    return doc.getText(COLLAB_TEXT_FIELD).toString();
  } finally {
    doc.destroy();
  }
}
