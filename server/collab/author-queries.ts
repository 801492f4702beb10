import type { Executor } from "@/db/executor";

/**
 * Records that a Yjs client id writes for a person, unless it is recorded already, and returns whom it
 * belongs to: the first person to write with an id keeps it.
 */
export async function claimClientId(db: Executor, params: { projectId: string; documentName: string; clientId: number; userId: string }): Promise<string> {
  await db
    .insertInto("collab_authors")
    .values({ project_id: params.projectId, document_name: params.documentName, client_id: params.clientId, user_id: params.userId })
    .onConflict((conflict) => conflict.columns(["project_id", "document_name", "client_id"]).doNothing())
    .execute();
  const row = await db
    .selectFrom("collab_authors")
    .select("user_id as userId")
    .where("project_id", "=", params.projectId)
    .where("document_name", "=", params.documentName)
    .where("client_id", "=", params.clientId)
    .executeTakeFirstOrThrow();
  return row.userId;
}

/** Every client id that wrote in a document, with its person's id and name. */
export async function listDocumentAuthors(db: Executor, projectId: string, documentName: string) {
  return db
    .selectFrom("collab_authors")
    .innerJoin("users", "users.id", "collab_authors.user_id")
    .select(["collab_authors.client_id as clientId", "collab_authors.user_id as userId", "users.name"])
    .where("collab_authors.project_id", "=", projectId)
    .where("collab_authors.document_name", "=", documentName)
    .orderBy("collab_authors.created_at")
    .execute();
}
