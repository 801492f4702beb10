import { authedProcedure, router } from "@/server/api/trpc";

export const usersRouter = router({
  me: authedProcedure.query(({ ctx }) => ctx.user),
});
