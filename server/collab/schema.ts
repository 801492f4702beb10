import { z } from "zod";
import { safeText } from "@/server/lib/safe-text";

/**
 * Collaboration documents are named `project/<projectId>/<key>`, so the project a document belongs to is
 * in its name and every stored row can carry its project_id. Client-safe: the browser builds names too.
 */
export const collabDocumentKeySchema = safeText(132)
  .regex(/^[a-z][a-z-]{0,30}\/[A-Za-z0-9_-]{1,100}$/, "use <kind>/<id>, for example correction/42");

export const mintCollabTokenSchema = z.object({
  documentKey: collabDocumentKeySchema,
  /** Watchers receive updates and presence but cannot edit. */
  mode: z.enum(["edit", "watch"]).default("edit"),
});
export type MintCollabTokenInput = z.infer<typeof mintCollabTokenSchema>;

/** The Y.Text that holds a document's editable text; every editor and every snapshot reads this one field. */
export const COLLAB_TEXT_FIELD = "content";

/** The path the collaboration WebSocket is served on, next to the app. */
export const COLLAB_PATH = "/collab";

export function buildCollabDocumentName(projectId: string, documentKey: string): string {
  return `project/${projectId}/${documentKey}`;
}

const documentNamePattern = /^project\/([0-9a-f-]{36})\/(.+)$/;

/** The project id inside a document name, or null for a name we never issue. */
export function parseCollabDocumentName(name: string): { projectId: string; documentKey: string } | null {
  const match = documentNamePattern.exec(name);
  if (!match?.[1] || !match[2] || !collabDocumentKeySchema.safeParse(match[2]).success) return null;
  return { projectId: match[1], documentKey: match[2] };
}

/** An annotator's private correction of one assignment (blind mode). */
export function correctionDocumentKey(assignmentId: number): string {
  return `correction/${assignmentId}`;
}

/** The shared gold correction of one queue item, co-edited during adjudication. */
export function goldDocumentKey(queueItemId: number): string {
  return `gold/${queueItemId}`;
}

/**
 * The one document every annotator of a collaborative queue's item edits together: the shared correction
 * in `COLLAB_TEXT_FIELD` and the shared answer in `SHARED_ANSWER_FIELD`, so one connection carries both
 * and one presence list covers both.
 */
export function sharedDocumentKey(queueItemId: number): string {
  return `shared/${queueItemId}`;
}

/** The Y.Map of a shared document that holds the shared answer: field key → value, as a submit sends them. */
export const SHARED_ANSWER_FIELD = "answer";

/** Whether a document's edits are attributed to people (see server/collab/authorship.ts). */
export function isAttributedDocumentKey(documentKey: string): boolean {
  return documentKey.startsWith("shared/");
}
