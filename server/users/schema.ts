import { z } from "zod";
import { safeText } from "@/server/lib/safe-text";

export const emailSchema = safeText(254, { trim: true, tooLong: "use an email address of at most 254 characters" }).toLowerCase().pipe(z.email("enter a valid email address"));
export const passwordSchema = safeText(200).min(10, "use at least 10 characters");
export const personNameSchema = safeText(100, { trim: true }).min(1, "enter a name");

export const signInSchema = z.object({
  email: emailSchema,
  password: safeText(200).min(1, "enter your password"),
});
export type SignInInput = z.infer<typeof signInSchema>;

/** The error code the sign-in page receives when an email has failed too often; client-safe. */
export const SIGN_IN_THROTTLED_ERROR = "TooManyAttempts";
/** Failed password attempts allowed per email inside the window before sign-in pauses for that email. */
export const MAX_FAILED_SIGN_INS = 5;
export const SIGN_IN_WINDOW_MINUTES = 15;

export const newAccountSchema = z.object({
  name: personNameSchema,
  email: emailSchema,
  password: passwordSchema,
});
export type NewAccountInput = z.infer<typeof newAccountSchema>;

/** The signed-in person as every request sees them, re-read from the database each time. */
export type SessionUser = {
  id: string;
  email: string;
  name: string;
  isInstanceAdmin: boolean;
};
