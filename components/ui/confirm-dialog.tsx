"use client";

import type { ReactNode } from "react";
import { Alert } from "@/components/ui/alert";
import { Dialog } from "@/components/ui/dialog";
import { DialogActions } from "./dialog-actions";

type ConfirmDialogProps = {
  isOpen: boolean;
  title: string;
  body: ReactNode;
  confirmLabel: string;
  isBusy: boolean;
  error?: string;
  onConfirm: () => void;
  onClose: () => void;
};

/** Asks before a destructive action, and shows why it failed if it does. */
export function ConfirmDialog({ isOpen, title, body, confirmLabel, isBusy, error, onConfirm, onClose }: ConfirmDialogProps) {
  return (
    <Dialog isOpen={isOpen} onClose={onClose} title={title} description={body}>
      {error && (
        <div className="mb-4">
          <Alert tone="error">{error}</Alert>
        </div>
      )}
      <DialogActions onCancel={onClose} isBusy={isBusy} tone="danger" onSubmit={onConfirm} submitLabel={confirmLabel} />
    </Dialog>
  );
}
