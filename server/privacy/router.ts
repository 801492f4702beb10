import { requireRole, router } from "@/server/api/trpc";
import { eraseEndUser, previewEndUserErasure } from "./erasure-service";
import { eraseEndUserSchema, testRedactionSchema, updatePrivacySettingsSchema } from "./schema";
import { getPrivacySettings, testRedaction, updatePrivacySettings } from "./settings-service";

/** Leads own what annotators see, so they (and admins) set the redaction rules. */
const ruleOwners = requireRole("lead");
/** Erasure deletes production data and rewrites frozen releases: admins only, like the REST scope. */
const admins = requireRole("admin");

export const privacyRouter = router({
  getSettings: ruleOwners.query(({ ctx }) => getPrivacySettings(ctx.db, ctx.membership.projectId)),
  updateSettings: ruleOwners.input(updatePrivacySettingsSchema).mutation(({ ctx, input }) => updatePrivacySettings(ctx.db, ctx.actor, input)),
  // A mutation, not a query: pasted text can be far longer than a URL may be.
  testRedaction: ruleOwners.input(testRedactionSchema).mutation(({ input }) => testRedaction(input)),
  previewErasure: admins.input(eraseEndUserSchema).query(({ ctx, input }) => previewEndUserErasure(ctx.db, ctx.membership.projectId, input.endUserId)),
  eraseEndUser: admins.input(eraseEndUserSchema).mutation(({ ctx, input }) => eraseEndUser(ctx.db, ctx.actor, input.endUserId)),
});
