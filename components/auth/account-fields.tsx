"use client";

import { TextField } from "@/components/ui/field";
import { fieldError } from "@/components/ui/form-errors";

export type AccountDraft = { name: string; email: string; password: string };
type ErrorLike = Parameters<typeof fieldError>[0];

/** Name, email and password inputs shared by first-run setup and invite sign-up. */
export function AccountFields({ draft, onChange, error }: { draft: AccountDraft; onChange: (draft: AccountDraft) => void; error: ErrorLike }) {
  return (
    <>
      <TextField label="Your name" name="name" autoComplete="name" required autoFocus value={draft.name} error={fieldError(error, "name")} onChange={(e) => onChange({ ...draft, name: e.target.value })} />
      <TextField label="Email" type="email" name="email" autoComplete="email" required value={draft.email} error={fieldError(error, "email")} onChange={(e) => onChange({ ...draft, email: e.target.value })} />
      <TextField
        label="Password"
        type="password"
        name="password"
        autoComplete="new-password"
        required
        hint="At least 10 characters."
        value={draft.password}
        error={fieldError(error, "password")}
        onChange={(e) => onChange({ ...draft, password: e.target.value })}
      />
    </>
  );
}
