import { requireRole, router } from "@/server/api/trpc";
import { queueAgreementSchema } from "./schema";
import { getQueueAgreement } from "./service";

/**
 * Leads, the ML team and admins: the page ranks named annotators against each other (κ per pair, reliability,
 * gold accuracy), which is a judgement of people; annotators see their own figures on their analytics page.
 */
const watchers = requireRole("lead", "ml", "admin");

export const agreementRouter = router({
  forQueue: watchers.input(queueAgreementSchema).query(({ ctx, input }) => getQueueAgreement(ctx.db, { ...input, projectId: ctx.membership.projectId })),
});
