"use client";

import type { ReactNode } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";

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
      <div className="flex justify-end gap-2">
        <Button variant="secondary" onClick={onClose}>
          Cancel
        </Button>
        <Button variant="danger" isBusy={isBusy} onClick={onConfirm}>
          {confirmLabel}
        </Button>
      </div>
    </Dialog>
  );
}
