import * as Y from "yjs";
import type { Executor } from "@/db/executor";
import { ValidationError } from "@/server/lib/errors";
import { listDocumentAuthors } from "./author-queries";
import { findDocumentState } from "./persistence-service";
import { buildCollabDocumentName, COLLAB_TEXT_FIELD, SHARED_ANSWER_FIELD } from "./schema";

/** A shared document as it stands: the correction's text (null when nothing is stored) and the answer's values as written. */
export type SharedDocumentContent = { text: string | null; answer: Record<string, unknown> };

/**
 * The shared answer and correction of a collaborative item at this moment: the stored document (snapshot
 * and log, so every acknowledged edit) merged with the caller's own copy (`clientState`, base64), so an
 * edit this client made a moment ago counts even before the server has it.
 */
export async function readSharedDocument(db: Executor, params: { projectId: string; documentKey: string; clientState?: string }): Promise<SharedDocumentContent> {
  const stored = await findDocumentState(db, params.projectId, buildCollabDocumentName(params.projectId, params.documentKey));
  const doc = new Y.Doc();
  try {
    if (stored) Y.applyUpdate(doc, stored);
    if (params.clientState !== undefined) {
      try {
        Y.applyUpdate(doc, new Uint8Array(Buffer.from(params.clientState, "base64")));
      } catch (error) {
        throw new ValidationError("documentState: not a Yjs document update", { field: "documentState", cause: error });
      }
    }
    const hasContent = stored !== null || params.clientState !== undefined;
    return { text: hasContent ? doc.getText(COLLAB_TEXT_FIELD).toString() : null, answer: doc.getMap(SHARED_ANSWER_FIELD).toJSON() };
  } finally {
    doc.destroy();
  }
}

/** Who wrote with which Yjs client id in a document, as the collaboration server recorded it. */
export async function listSharedDocumentAuthors(db: Executor, projectId: string, documentKey: string) {
  return listDocumentAuthors(db, projectId, buildCollabDocumentName(projectId, documentKey));
}
