"use client";

import { useState, type FormEvent } from "react";
import { Alert } from "@/components/ui/alert";
import { Dialog } from "@/components/ui/dialog";
import { DialogActions } from "@/components/ui/dialog-actions";
import { TextField } from "@/components/ui/field";
import { fieldError, formError } from "@/components/ui/form-errors";
import { countOf } from "@/components/ui/plural";
import { MAX_TOP_GOLD } from "@/server/gold-items/schema";
import { useAddTopGold } from "./use-gold-items";

type AddTopGoldDialogProps = { projectId: string; queueId: string; eligibleGold: number; isOpen: boolean; onClose: () => void };

/** Marks the N most confident gold labels of the queue as gold checks. */
export function AddTopGoldDialog({ projectId, queueId, eligibleGold, isOpen, onClose }: AddTopGoldDialogProps) {
  const [count, setCount] = useState(String(Math.min(20, Math.max(1, eligibleGold))));
  const addTopGold = useAddTopGold();
  const close = () => {
    addTopGold.reset();
    onClose();
  };
  function submit(event: FormEvent) {
    event.preventDefault();
    addTopGold.mutate({ projectId, queueId, count: Number(count) }, { onSuccess: close });
  }
  return (
    <Dialog
      isOpen={isOpen}
      onClose={close}
      title="Add gold checks from gold"
      description={`${countOf(eligibleGold, "gold label")} of this queue can still become gold checks. The most confident go first; their current values become the expected answers.`}
    >
      <form onSubmit={submit} className="space-y-4" noValidate>
        <TextField
          label="How many"
          type="number"
          min={1}
          max={MAX_TOP_GOLD}
          value={count}
          onChange={(event) => setCount(event.target.value)}
          error={fieldError(addTopGold.error, "count")}
          hint={`1 to ${MAX_TOP_GOLD}.`}
        />
        {formError(addTopGold.error, ["count"]) && <Alert tone="error">{formError(addTopGold.error, ["count"])}</Alert>}
        <DialogActions onCancel={close} isBusy={addTopGold.isPending} isDisabled={eligibleGold === 0} submitLabel="Add gold checks" />
      </form>
    </Dialog>
  );
}
