import { requireRole, router } from "@/server/api/trpc";
import { changeMemberRoleSchema, removeMemberSchema } from "./schema";
import { changeMemberRole, listProjectMembers, removeMember } from "./service";

export const membersRouter = router({
  list: requireRole("lead", "admin").query(({ ctx }) => listProjectMembers(ctx.db, ctx.membership.projectId)),
  changeRole: requireRole("admin")
    .input(changeMemberRoleSchema)
    .mutation(({ ctx, input }) => changeMemberRole(ctx.db, ctx.actor, input)),
  remove: requireRole("admin")
    .input(removeMemberSchema)
    .mutation(({ ctx, input }) => removeMember(ctx.db, ctx.actor, input)),
});
