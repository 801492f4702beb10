"use client";

import type { ReactNode } from "react";
import { Button } from "./button";

type DialogActionsProps = {
  onCancel: () => void;
  isBusy: boolean;
  submitLabel?: ReactNode;
  tone?: "primary" | "danger";
  isDisabled?: boolean;
  /** For a dialog without a form: the action runs on click instead of submitting. */
  onSubmit?: () => void;
};

/** A dialog's footer: Cancel closes, the action button shows progress while its request runs. */
export function DialogActions({ onCancel, isBusy, submitLabel = "Save", tone = "primary", isDisabled = false, onSubmit }: DialogActionsProps) {
  return (
    <div className="flex justify-end gap-2">
      <Button variant="secondary" onClick={onCancel}>
        Cancel
      </Button>
      <Button type={onSubmit ? "button" : "submit"} variant={tone} isBusy={isBusy} disabled={isDisabled} onClick={onSubmit}>
        {submitLabel}
      </Button>
    </div>
  );
}
