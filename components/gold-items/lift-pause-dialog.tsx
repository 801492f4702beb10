"use client";

import { useId, useState, type FormEvent } from "react";
import { Alert } from "@/components/ui/alert";
import { Dialog } from "@/components/ui/dialog";
import { DialogActions } from "@/components/ui/dialog-actions";
import { fieldError, formError } from "@/components/ui/form-errors";
import type { PauseRow } from "./use-gold-items";
import { useLiftPause } from "./use-gold-items";

/** Lifts one pause with a note for the audit log; the annotator's gold checks count afresh from then. */
export function LiftPauseDialog({ projectId, pause, onClose }: { projectId: string; pause: PauseRow | null; onClose: () => void }) {
  const [note, setNote] = useState("");
  const noteId = useId();
  const liftPause = useLiftPause();
  const close = () => {
    liftPause.reset();
    setNote("");
    onClose();
  };
  function submit(event: FormEvent) {
    event.preventDefault();
    if (pause) liftPause.mutate({ projectId, pauseId: pause.id, note }, { onSuccess: close });
  }
  const noteError = fieldError(liftPause.error, "note");
  return (
    <Dialog isOpen={pause !== null} onClose={close} title={`Lift the pause on ${pause?.annotatorName ?? ""}`} description={pause ? `Paused because ${pause.reason}.` : undefined}>
      <form onSubmit={submit} className="space-y-4" noValidate>
        <div className="space-y-1.5">
          <label htmlFor={noteId} className="block text-sm font-medium text-zinc-800">
            Note
          </label>
          <textarea
            id={noteId}
            rows={3}
            maxLength={500}
            value={note}
            onChange={(event) => setNote(event.target.value)}
            aria-invalid={noteError ? true : undefined}
            placeholder="What changed, e.g. went over the rubric together"
            className="block w-full resize-y rounded-md border-0 bg-white px-3 py-2 text-sm text-zinc-900 shadow-xs ring-1 ring-zinc-300 ring-inset placeholder:text-zinc-400 focus:ring-2 focus:ring-gold-500 focus:outline-none aria-[invalid=true]:ring-red-500"
          />
          {noteError ? <p className="text-xs font-medium text-red-600">{noteError}</p> : <p className="text-xs text-zinc-500">Kept in the audit log. Their gold checks count afresh from now.</p>}
        </div>
        {formError(liftPause.error, ["note"]) && <Alert tone="error">{formError(liftPause.error, ["note"])}</Alert>}
        <DialogActions onCancel={close} isBusy={liftPause.isPending} submitLabel="Lift pause" />
      </form>
    </Dialog>
  );
}
