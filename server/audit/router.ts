import { requireRole, router } from "@/server/api/trpc";
import { listAuditEntries } from "./queries";
import { listAuditEntriesSchema } from "./schema";

export const auditRouter = router({
  list: requireRole("admin")
    .input(listAuditEntriesSchema)
    .query(({ ctx, input }) => listAuditEntries(ctx.db, { projectId: ctx.membership.projectId, limit: input.limit, beforeId: input.cursor ?? undefined })),
});
