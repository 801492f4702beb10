import { authedProcedure, router } from "@/server/api/trpc";
import { loadDemoProject } from "./service";

export const demoRouter = router({
  /** A ready-to-walk demo project; only instance admins may create projects, and the service checks it. */
  load: authedProcedure.mutation(({ ctx }) => loadDemoProject(ctx.db, ctx.user)),
});
