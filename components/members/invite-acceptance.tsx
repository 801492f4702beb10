"use client";

import { useMutation } from "@tanstack/react-query";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { AccountFields, type AccountDraft } from "@/components/auth/account-fields";
import { useSignInAfterSignUp } from "@/components/auth/use-sign-in-after";
import { useTRPC } from "@/components/trpc/provider";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { errorMessage, formError } from "@/components/ui/form-errors";

/** Joining for someone already signed in: one button. */
export function AcceptAsSignedIn({ token, userEmail, projectName }: { token: string; userEmail: string; projectName: string }) {
  const trpc = useTRPC();
  const router = useRouter();
  const accept = useMutation(
    trpc.invites.accept.mutationOptions({
      onSuccess: (result) => {
        router.push(`/p/${result.projectSlug}`);
        router.refresh();
      },
    }),
  );
  return (
    <div className="space-y-4">
      {accept.error && <Alert tone="error">{errorMessage(accept.error)}</Alert>}
      <p className="text-sm text-zinc-600">
        You are signed in as <strong>{userEmail}</strong>.
      </p>
      <Button className="w-full" isBusy={accept.isPending || accept.isSuccess} onClick={() => accept.mutate({ token })}>
        Join {projectName}
      </Button>
    </div>
  );
}

/** Joining without an account: create one here, or sign in and come back. */
export function AcceptWithNewAccount({ token }: { token: string }) {
  const trpc = useTRPC();
  const signInAfter = useSignInAfterSignUp();
  const [draft, setDraft] = useState<AccountDraft>({ name: "", email: "", password: "" });
  const register = useMutation(
    trpc.invites.register.mutationOptions({ onSuccess: (result) => signInAfter(draft, `/p/${result.projectSlug}`) }),
  );
  const message = formError(register.error, ["name", "email", "password"]);

  function submit(event: FormEvent) {
    event.preventDefault();
    register.mutate({ ...draft, token });
  }

  return (
    <div className="space-y-6">
      <form onSubmit={submit} className="space-y-4" noValidate>
        {message && <Alert tone="error">{message}</Alert>}
        <AccountFields draft={draft} onChange={setDraft} error={register.error} />
        <Button type="submit" className="w-full" isBusy={register.isPending || register.isSuccess}>
          Create account and join
        </Button>
      </form>
      <p className="border-t border-zinc-100 pt-4 text-center text-sm text-zinc-500">
        Already have an account?{" "}
        <Link className="font-medium text-zinc-900 underline" href={`/signin?callbackUrl=${encodeURIComponent(`/invite/${token}`)}`}>
          Sign in to accept
        </Link>
      </p>
    </div>
  );
}
