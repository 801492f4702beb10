"use client";

import { useId, useState, type FormEvent } from "react";
import { Alert } from "@/components/ui/alert";
import { Dialog } from "@/components/ui/dialog";
import { fieldError, formError } from "@/components/ui/form-errors";
import type { ReleaseChangelog } from "@/server/datasets/schema";
import { ChangelogCounts } from "./changelog-counts";
import { usePublishRelease } from "./use-datasets";
import { DialogActions } from "@/components/ui/dialog-actions";

type PublishDialogProps = {
  projectId: string;
  dataset: {
    id: string;
    nextReleaseNumber: number;
    latestPublishedNumber: number | null;
    eligibleRows: number;
    minConfidence: number;
    labelFilters: Record<string, string[]>;
    correctionMode: "allow_original" | "require_correction";
    splitTrain: number;
    splitValidation: number;
    splitTest: number;
    queues: Array<{ name: string }>;
    pendingChanges: ReleaseChangelog;
  };
  isOpen: boolean;
  onClose: () => void;
  onPublished: (release: { number: number }) => void;
};

function isUnchanged(changes: ReleaseChangelog): boolean {
  return changes.added === 0 && changes.removed === 0 && changes.relabelled === 0;
}

/** Says exactly what a release will freeze before it is published, since a release cannot be taken back. */
export function PublishDialog({ projectId, dataset, isOpen, onClose, onPublished }: PublishDialogProps) {
  const publish = usePublishRelease();
  const [notes, setNotes] = useState("");
  const notesId = useId();
  const number = dataset.nextReleaseNumber;
  const notesError = fieldError(publish.error, "notes");
  const message = formError(publish.error, ["notes"]);

  function close() {
    publish.reset();
    setNotes("");
    onClose();
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    publish.mutate(
      { projectId, datasetId: dataset.id, notes },
      {
        onSuccess: (release) => {
          setNotes("");
          onPublished(release);
        },
      },
    );
  }

  return (
    <Dialog
      isOpen={isOpen}
      onClose={close}
      title={`Publish release ${number}?`}
      description="A release is a frozen copy: later label changes go into the next release, never into this one. It is built in the background; pulls see it once it is published."
    >
      <form onSubmit={submit} className="space-y-4">
        <dl className="divide-y divide-zinc-100 rounded-lg bg-zinc-50 text-sm ring-1 ring-zinc-200">
          <div className="flex justify-between gap-4 px-4 py-2.5">
            <dt className="text-zinc-500">Rows to freeze</dt>
            <dd className="font-medium text-zinc-900 tabular-nums">{dataset.eligibleRows.toLocaleString()}</dd>
          </div>
          <div className="flex justify-between gap-4 px-4 py-2.5">
            <dt className="text-zinc-500">From</dt>
            <dd className="text-right text-zinc-900">{dataset.queues.map((queue) => queue.name).join(", ")}</dd>
          </div>
          <div className="flex justify-between gap-4 px-4 py-2.5">
            <dt className="text-zinc-500">Gold</dt>
            <dd className="text-right text-zinc-900">
              confidence at least {dataset.minConfidence.toFixed(2)}
              {Object.entries(dataset.labelFilters).map(([key, values]) => `; ${key} ∈ {${values.join(", ")}}`)}
              {dataset.correctionMode === "require_correction" && "; corrected only"}
            </dd>
          </div>
          <div className="flex justify-between gap-4 px-4 py-2.5">
            <dt className="text-zinc-500">Split</dt>
            <dd className="text-zinc-900 tabular-nums">
              {[dataset.splitTrain, dataset.splitValidation, dataset.splitTest].map((share) => `${Math.round(share * 100)}`).join(" / ")} train / validation / test
            </dd>
          </div>
          <div className="flex justify-between gap-4 px-4 py-2.5">
            <dt className="text-zinc-500">{dataset.latestPublishedNumber === null ? "First release" : `Since release ${dataset.latestPublishedNumber}`}</dt>
            <dd>
              <ChangelogCounts changelog={dataset.pendingChanges} />
            </dd>
          </div>
        </dl>
        {dataset.latestPublishedNumber !== null && isUnchanged(dataset.pendingChanges) && (
          <Alert title={`Nothing changed since release ${dataset.latestPublishedNumber}`}>Release {number} would hold exactly the same rows.</Alert>
        )}
        <div className="space-y-1.5">
          <label htmlFor={notesId} className="block text-sm font-medium text-zinc-800">
            Release notes (optional)
          </label>
          <textarea
            id={notesId}
            rows={3}
            value={notes}
            onChange={(event) => setNotes(event.target.value)}
            aria-invalid={notesError ? true : undefined}
            placeholder="What changed, and why this release exists"
            className="block w-full rounded-md border-0 px-3 py-2 text-sm text-zinc-900 shadow-xs ring-1 ring-inset ring-zinc-300 placeholder:text-zinc-400 focus:ring-2 focus:ring-gold-500 focus:outline-none"
          />
          {notesError && <p className="text-xs font-medium text-red-600">{notesError}</p>}
        </div>
        {message && <Alert tone="error">{message}</Alert>}
        <DialogActions onCancel={close} isBusy={publish.isPending} isDisabled={dataset.eligibleRows === 0} submitLabel="Freeze and publish" />
      </form>
    </Dialog>
  );
}
