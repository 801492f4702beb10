"use client";

import { useEffect, useRef, useState, type FormEvent } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card, CardHeader } from "@/components/ui/card";
import { Dialog } from "@/components/ui/dialog";
import { DialogActions } from "@/components/ui/dialog-actions";
import { errorMessage } from "@/components/ui/form-errors";
import { TextField } from "@/components/ui/field";
import { countOf } from "@/components/ui/plural";
import type { ErasureCounts } from "@/server/privacy/schema";
import { useEndUserErasure } from "./use-privacy";

const countLabels: [keyof ErasureCounts, string][] = [
  ["outputs", "outputs"],
  ["signals", "signals"],
  ["queueItems", "queue items"],
  ["assignments", "assignments"],
  ["annotations", "annotations"],
  ["goldLabels", "gold labels"],
  ["goldItems", "gold checks"],
  ["collabDocuments", "collaboration documents"],
  ["releaseRowsTombstoned", "frozen release rows (become tombstones)"],
];

const deletedWords: [Exclude<keyof ErasureCounts, "releaseRowsTombstoned">, string, string][] = [
  ["outputs", "output", "outputs"],
  ["signals", "signal", "signals"],
  ["queueItems", "queue item", "queue items"],
  ["assignments", "assignment", "assignments"],
  ["annotations", "annotation", "annotations"],
  ["goldLabels", "gold label", "gold labels"],
  ["goldItems", "gold check", "gold checks"],
  ["collabDocuments", "collaboration document", "collaboration documents"],
];

/** One sentence of what an erasure deleted, e.g. "2 outputs, 1 signal deleted; 1 release row became a tombstone." */
function erasureSummary(counts: ErasureCounts): string {
  const deleted = deletedWords.filter(([key]) => counts[key] > 0).map(([key, one, many]) => countOf(counts[key], one, many));
  const tombstones = counts.releaseRowsTombstoned;
  const sentence = deleted.length > 0 ? `${deleted.join(", ")} deleted` : "nothing deleted";
  return tombstones > 0 ? `${sentence}; ${countOf(tombstones, "release row")} ${tombstones === 1 ? "became a tombstone" : "became tombstones"}.` : `${sentence}.`;
}

function ErasureCountList({ counts, label }: { counts: ErasureCounts; label: string }) {
  return (
    <dl aria-label={label} className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
      {countLabels.map(([key, name]) => (
        <div key={key} className="contents">
          <dt className="text-right font-medium text-zinc-900 tabular-nums">{counts[key]}</dt>
          <dd className="text-zinc-600">{name}</dd>
        </div>
      ))}
    </dl>
  );
}

/** The right to erasure: deletes everything of one end user of the app, after showing what that is. */
export function EraseEndUserCard({ projectId }: { projectId: string }) {
  const [endUserId, setEndUserId] = useState("");
  const { reviewing, review, preview, erase } = useEndUserErasure(projectId);
  const [erased, setErased] = useState<{ endUserId: string; deleted: ErasureCounts } | null>(null);
  const confirmation = useRef<HTMLDivElement>(null);
  // The confirmation appears as the dialog closes; bring it into view so the admin sees what was erased.
  useEffect(() => {
    if (erased) confirmation.current?.scrollIntoView({ block: "nearest" });
  }, [erased]);
  const counts = preview.data;
  const hasNothing = counts !== undefined && counts.outputs === 0 && counts.signals === 0;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (endUserId.trim() === "") return;
    erase.reset();
    review(endUserId.trim());
  };
  return (
    <Card>
      <CardHeader
        title="Erase an end user"
        description="Deletes the outputs, signals, annotations, gold labels, gold checks and collaboration documents of one of your app's users (the end_user_id you send). Their rows in published releases become tombstones: the row stays, its content is gone, and the next release lists it as removed. Audited."
      />
      <form onSubmit={submit} className="flex items-end gap-3 px-5 py-4" aria-label="Erase an end user">
        <div className="flex-1">
          <TextField label="End user id" value={endUserId} maxLength={200} placeholder="exactly as your app sends it, e.g. user-1234" onChange={(event) => setEndUserId(event.target.value)} />
        </div>
        <Button type="submit" variant="danger" disabled={endUserId.trim() === ""}>
          Review erasure
        </Button>
      </form>
      {erased && (
        <div ref={confirmation} className="px-5 pb-4">
          <Alert tone="success" title={`Erased end user "${erased.endUserId}": ${erasureSummary(erased.deleted)}`} />
        </div>
      )}
      <Dialog
        isOpen={reviewing !== null}
        onClose={() => review(null)}
        title={`Erase end user "${reviewing ?? ""}"?`}
        description="This cannot be undone. It deletes:"
      >
        <div className="mb-4 space-y-3">
          {preview.isPending && <p className="text-sm text-zinc-500">Counting what this end user has…</p>}
          {preview.error && <Alert tone="error">{errorMessage(preview.error)}</Alert>}
          {counts && (hasNothing ? <Alert tone="info">Nothing of this end user is stored in this project.</Alert> : <ErasureCountList counts={counts} label="Will be deleted" />)}
          {erase.error && <Alert tone="error">{errorMessage(erase.error)}</Alert>}
        </div>
        <DialogActions
          onCancel={() => review(null)}
          isBusy={erase.isPending}
          tone="danger"
          submitLabel="Erase end user"
          isDisabled={counts === undefined || hasNothing}
          onSubmit={() =>
            reviewing &&
            erase.mutate(
              { projectId, endUserId: reviewing },
              {
                onSuccess: (result) => {
                  setErased({ endUserId: result.endUserId, deleted: result.deleted });
                  setEndUserId("");
                },
              },
            )
          }
        />
      </Dialog>
    </Card>
  );
}
