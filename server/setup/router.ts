import { publicProcedure, router } from "@/server/api/trpc";
import { completeSetupSchema } from "./schema";
import { completeSetup, isSetupNeeded } from "./service";

export const setupRouter = router({
  status: publicProcedure.query(async ({ ctx }) => ({ isSetupNeeded: await isSetupNeeded(ctx.db) })),
  complete: publicProcedure.input(completeSetupSchema).mutation(async ({ ctx, input }) => {
    const admin = await completeSetup(ctx.db, input);
    return { email: admin.email };
  }),
});
