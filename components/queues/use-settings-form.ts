import { useState, type FormEvent } from "react";
import { fieldError, formError, type ErrorLike } from "@/components/ui/form-errors";

export type SettingsValidation<Data> = { success: true; data: Data } | { success: false; errors: Record<string, string> };

/**
 * A settings editor's state: the draft as typed, one message per control (the client's check once the form
 * was submitted, else what the server named), the server's other refusals as the form's message, and
 * submit and close. The dialog is mounted per edit, so closing only forgets the last refusal.
 */
export function useSettingsForm<Draft, Data>(options: {
  initial: Draft;
  validate: (draft: Draft) => SettingsValidation<Data>;
  /** The fields the server may name in a refusal; any other refusal is the form's message. */
  serverFields: readonly string[];
  mutation: { error: ErrorLike; reset: () => void };
  onValid: (data: Data) => void;
  onClose: () => void;
}) {
  const { mutation } = options;
  const [draft, setDraft] = useState(options.initial);
  const [hasTriedSubmit, setHasTriedSubmit] = useState(false);
  const validation = options.validate(draft);
  const errors: Record<string, string | undefined> = hasTriedSubmit && !validation.success ? { ...validation.errors } : {};
  for (const name of options.serverFields) errors[name] ??= fieldError(mutation.error, name);
  return {
    draft,
    errors,
    message: formError(mutation.error, options.serverFields),
    patch: (changes: Partial<Draft>) => setDraft({ ...draft, ...changes }),
    close() {
      mutation.reset();
      options.onClose();
    },
    submit(event: FormEvent) {
      event.preventDefault();
      setHasTriedSubmit(true);
      if (validation.success) options.onValid(validation.data);
    },
  };
}
