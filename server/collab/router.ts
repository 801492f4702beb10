import { projectProcedure, router } from "@/server/api/trpc";
import { getAppSecret } from "@/server/lib/app-secret";
import { authorizeCollabDocument } from "./access";
import { buildCollabDocumentName, mintCollabTokenSchema } from "./schema";
import { COLLAB_TOKEN_TTL_SECONDS, signCollabToken } from "./token";

export const collabRouter = router({
  /** A short-lived token for one document of the project, if the caller may open it; watchers get a read-only one. */
  mintToken: projectProcedure.input(mintCollabTokenSchema).mutation(async ({ ctx, input }) => {
    const access = await authorizeCollabDocument(ctx.db, ctx.actor, input);
    const documentName = buildCollabDocumentName(ctx.membership.projectId, input.documentKey);
    const token = await signCollabToken(getAppSecret(), {
      userId: ctx.user.id,
      projectId: ctx.membership.projectId,
      documentName,
      isReadOnly: access.isReadOnly,
    });
    return { token, documentName, expiresInSeconds: COLLAB_TOKEN_TTL_SECONDS, isReadOnly: access.isReadOnly };
  }),
});
