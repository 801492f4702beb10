import { z } from "zod";
import { safeText } from "@/server/lib/safe-text";
import { projectRoleSchema } from "@/server/auth/roles";
import { emailSchema, newAccountSchema } from "@/server/users/schema";

export const changeMemberRoleSchema = z.object({
  userId: z.uuid("pick a member"),
  role: projectRoleSchema,
});
export type ChangeMemberRoleInput = z.infer<typeof changeMemberRoleSchema>;

export const removeMemberSchema = z.object({ userId: z.uuid("pick a member") });
export type RemoveMemberInput = z.infer<typeof removeMemberSchema>;

export const INVITE_TTL_DAYS_DEFAULT = 7;

export const createInviteSchema = z.object({
  role: projectRoleSchema,
  note: safeText(200, { trim: true }).optional(),
  expiresInDays: z.number().int("pick a whole number of days").min(1, "at least 1 day").max(30, "at most 30 days").default(INVITE_TTL_DAYS_DEFAULT),
  /** Also email the link (needs SMTP); the link is returned either way. */
  email: emailSchema.optional(),
});
export type CreateInviteInput = z.infer<typeof createInviteSchema>;

export const inviteIdSchema = z.object({ inviteId: z.uuid("pick an invite of this project") });

export const inviteTokenSchema = z.object({ token: safeText(200, { tooLong: "this is not an invite link; copy the whole link again" }).min(1, "the invite link is missing its token") });
export type InviteTokenInput = z.infer<typeof inviteTokenSchema>;

export const registerWithInviteSchema = newAccountSchema.extend(inviteTokenSchema.shape);
export type RegisterWithInviteInput = z.infer<typeof registerWithInviteSchema>;
