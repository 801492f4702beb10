"use client";

import { signIn } from "next-auth/react";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { SIGN_IN_THROTTLED_ERROR, SIGN_IN_WINDOW_MINUTES } from "@/server/users/schema";

type SsoProvider = { id: string; name: string };

const errorMessages: Record<string, string> = {
  CredentialsSignin: "That email and password do not match an account.",
  [SIGN_IN_THROTTLED_ERROR]: `Too many failed attempts for this email. Wait ${SIGN_IN_WINDOW_MINUTES} minutes, then try again.`,
  AccessDenied: "This sign-in was refused. If you already have a password account with this email, sign in with it.",
  OAuthSignin: "The single sign-on provider could not be reached.",
  OAuthCallback: "The single sign-on provider returned an error.",
};

export function SignInForm({ callbackUrl, ssoProviders, initialError }: { callbackUrl: string; ssoProviders: SsoProvider[]; initialError?: string }) {
  const router = useRouter();
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const [error, setError] = useState(initialError ? (errorMessages[initialError] ?? "Sign-in failed. Try again.") : undefined);
  const [isBusy, setIsBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    // An empty field would only come back as "do not match", which sends people looking for the wrong mistake.
    if (!email.trim() || !password) return setError("Enter your email and your password.");
    setIsBusy(true);
    setError(undefined);
    const result = await signIn("credentials", { email, password, redirect: false });
    if (!result || result.error) {
      setError(errorMessages[result?.error ?? ""] ?? errorMessages.CredentialsSignin);
      setIsBusy(false);
      return;
    }
    router.push(callbackUrl);
    router.refresh();
  }

  return (
    <div className="space-y-6">
      <form onSubmit={submit} className="space-y-4" noValidate>
        {error && <Alert tone="error">{error}</Alert>}
        <TextField label="Email" type="email" name="email" autoComplete="email" autoFocus required value={email} onChange={(e) => setEmail(e.target.value)} />
        <TextField
          label="Password"
          type="password"
          name="password"
          autoComplete="current-password"
          required
          value={password}
          onChange={(e) => setPassword(e.target.value)}
        />
        <Button type="submit" className="w-full" isBusy={isBusy}>
          Sign in
        </Button>
      </form>
      {ssoProviders.length > 0 && (
        <div className="space-y-2 border-t border-zinc-100 pt-6">
          {ssoProviders.map((provider) => (
            <Button key={provider.id} variant="secondary" className="w-full" onClick={() => signIn(provider.id, { callbackUrl })}>
              Continue with {provider.name}
            </Button>
          ))}
        </div>
      )}
    </div>
  );
}
