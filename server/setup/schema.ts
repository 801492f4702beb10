import type { z } from "zod";
import { safeText } from "@/server/lib/safe-text";
import { newAccountSchema } from "@/server/users/schema";

export const completeSetupSchema = newAccountSchema.extend({
  token: safeText(200, { tooLong: "this is not a setup link; copy the whole link the server printed" }).min(1, "the setup link is missing its token"),
});
export type CompleteSetupInput = z.infer<typeof completeSetupSchema>;

/** How long a printed setup link stays valid; restarting the server prints a fresh one. */
export const SETUP_LINK_TTL_HOURS = 24;
