import { z } from "zod";

export const emailSchema = z.string().trim().toLowerCase().pipe(z.email("enter a valid email address").max(254, "use an email address of at most 254 characters"));
export const passwordSchema = z
  .string()
  .min(10, "use at least 10 characters")
  .max(200, "use at most 200 characters");
export const personNameSchema = z.string().trim().min(1, "enter a name").max(100, "use at most 100 characters");

export const signInSchema = z.object({
  email: emailSchema,
  password: z.string().min(1, "enter your password").max(200, "use at most 200 characters"),
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
