"use client";

import { signIn } from "next-auth/react";
import { useRouter } from "next/navigation";

/** Signs a just-created account in with the password it was given, then goes to `destination`. */
export function useSignInAfterSignUp() {
  const router = useRouter();
  return async (credentials: { email: string; password: string }, destination: string) => {
    const result = await signIn("credentials", { ...credentials, redirect: false });
    router.push(result?.error ? `/signin?callbackUrl=${encodeURIComponent(destination)}` : destination);
    router.refresh();
  };
}
