import { authedProcedure, publicProcedure, requireRole, router } from "@/server/api/trpc";
import { getPublicUrl } from "@/server/lib/env";
import { getMailer } from "@/server/mail/mailer";
import { createInviteSchema, inviteIdSchema, inviteTokenSchema, registerWithInviteSchema } from "./schema";
import { acceptInvite, createInvite, inspectInvite, listInvites, registerWithInvite, revokeInvite } from "./invite-service";

export const invitesRouter = router({
  list: requireRole("admin").query(({ ctx }) => listInvites(ctx.db, ctx.membership.projectId)),
  create: requireRole("admin")
    .input(createInviteSchema)
    .mutation(({ ctx, input }) =>
      createInvite(ctx.db, ctx.actor, input, {
        publicUrl: getPublicUrl(),
        mailer: getMailer(),
      }),
    ),
  revoke: requireRole("admin")
    .input(inviteIdSchema)
    .mutation(({ ctx, input }) => revokeInvite(ctx.db, ctx.actor, input.inviteId)),
  /** Public on purpose: the invite page shows what the link offers before anyone signs in. It reveals nothing without the secret token. */
  inspect: publicProcedure.input(inviteTokenSchema).query(({ ctx, input }) => inspectInvite(ctx.db, input.token)),
  accept: authedProcedure.input(inviteTokenSchema).mutation(({ ctx, input }) => acceptInvite(ctx.db, ctx.user, input.token)),
  register: publicProcedure.input(registerWithInviteSchema).mutation(async ({ ctx, input }) => {
    const result = await registerWithInvite(ctx.db, input);
    return { email: result.user.email, projectSlug: result.projectSlug, role: result.role };
  }),
});
