"use client";

import { useMutation } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { formError } from "@/components/ui/form-errors";
import { useTRPC } from "@/components/trpc/provider";
import { AccountFields, type AccountDraft } from "./account-fields";
import { useSignInAfterSignUp } from "./use-sign-in-after";

export function SetupForm({ token }: { token: string }) {
  const trpc = useTRPC();
  const signInAfter = useSignInAfterSignUp();
  const [draft, setDraft] = useState<AccountDraft>({ name: "", email: "", password: "" });
  const complete = useMutation(trpc.setup.complete.mutationOptions({ onSuccess: () => signInAfter(draft, "/") }));
  const message = formError(complete.error, ["name", "email", "password"]);

  function submit(event: FormEvent) {
    event.preventDefault();
    complete.mutate({ ...draft, token });
  }

  return (
    <form onSubmit={submit} className="space-y-4" noValidate>
      {message && <Alert tone="error">{message}</Alert>}
      <AccountFields draft={draft} onChange={setDraft} error={complete.error} />
      <Button type="submit" className="w-full" isBusy={complete.isPending || complete.isSuccess}>
        Create admin account
      </Button>
    </form>
  );
}
