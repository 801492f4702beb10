import { authedProcedure, projectProcedure, router } from "@/server/api/trpc";
import { createProjectSchema } from "./schema";
import { createProject, getProject, getProjectActivity, getProjectOverview, listProjectsOfMember } from "./service";

export const projectsRouter = router({
  list: authedProcedure.query(({ ctx }) => listProjectsOfMember(ctx.db, ctx.user.id)),
  create: authedProcedure.input(createProjectSchema).mutation(({ ctx, input }) => createProject(ctx.db, input, ctx.user)),
  get: projectProcedure.query(({ ctx }) => getProject(ctx.db, ctx.membership)),
  overview: projectProcedure.query(({ ctx }) => getProjectOverview(ctx.db, ctx.membership)),
  activity: projectProcedure.query(({ ctx }) => getProjectActivity(ctx.db, ctx.membership.projectId)),
});
