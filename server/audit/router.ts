import { z } from "zod";
import { requireRole, router } from "@/server/api/trpc";
import { listAuditEntries } from "./queries";

export const auditRouter = router({
  list: requireRole("admin")
    .input(z.object({ limit: z.number().int().min(1).max(200).default(50), beforeId: z.number().int().positive().optional() }))
    .query(({ ctx, input }) => listAuditEntries(ctx.db, { projectId: ctx.membership.projectId, limit: input.limit, beforeId: input.beforeId })),
});
