import { requireRole, router } from "@/server/api/trpc";
import { createApiKeySchema, revokeApiKeySchema } from "./schema";
import { createApiKey, listProjectApiKeys, revokeProjectApiKey } from "./service";

export const apiKeysRouter = router({
  list: requireRole("admin").query(({ ctx }) => listProjectApiKeys(ctx.db, ctx.membership.projectId)),
  create: requireRole("admin")
    .input(createApiKeySchema)
    .mutation(({ ctx, input }) => createApiKey(ctx.db, ctx.actor, input)),
  revoke: requireRole("admin")
    .input(revokeApiKeySchema)
    .mutation(({ ctx, input }) =>
      revokeProjectApiKey(ctx.db, ctx.actor, input.apiKeyId),
    ),
});
