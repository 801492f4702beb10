"use client";

import type { ReactNode } from "react";
import { Button } from "./button";

type DialogActionsProps = { onCancel: () => void; isBusy: boolean; submitLabel?: ReactNode; tone?: "primary" | "danger" };

/** A dialog form's footer: Cancel closes, the submit button shows progress while the request runs. */
export function DialogActions({ onCancel, isBusy, submitLabel = "Save", tone = "primary" }: DialogActionsProps) {
  return (
    <div className="flex justify-end gap-2">
      <Button variant="secondary" onClick={onCancel}>
        Cancel
      </Button>
      <Button type="submit" isBusy={isBusy} variant={tone}>
        {submitLabel}
      </Button>
    </div>
  );
}
