import { z } from "zod";
import { newAccountSchema } from "@/server/users/schema";

export const completeSetupSchema = newAccountSchema.extend({
  token: z.string().min(1, "the setup link is missing its token").max(200, "this is not a setup link; copy the whole link the server printed"),
});
export type CompleteSetupInput = z.infer<typeof completeSetupSchema>;

/** How long a printed setup link stays valid; restarting the server prints a fresh one. */
export const SETUP_LINK_TTL_HOURS = 24;
