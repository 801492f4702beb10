"use client";

import { useId, useState, type FormEvent } from "react";
import { Alert } from "@/components/ui/alert";
import { Dialog } from "@/components/ui/dialog";
import { TextField } from "@/components/ui/field";
import { fieldError, formError } from "@/components/ui/form-errors";
import { granularities, type Granularity } from "@/server/metrics/catalog";
import { granularityTitles, projectLoopSettingHints } from "./loop-settings-hints";
import { MetadataKeysInput } from "./metadata-keys-input";
import { useLoopSettings, type ProjectLoopSettings } from "./use-loop-settings";
import { DialogActions } from "@/components/ui/dialog-actions";

const fields = ["granularities", "driftMetadataKeys", "referenceWindows"] as const;

type Draft = { granularities: Granularity[]; driftMetadataKeys: string[]; referenceWindows: string };

const toDraft = (settings: ProjectLoopSettings): Draft => ({ ...settings, referenceWindows: String(settings.referenceWindows) });

/** The project's loop settings editor; every check is the server's, shown under the field it names. */
export function LoopSettingsDialog({ projectId, isOpen, onClose }: { projectId: string; isOpen: boolean; onClose: () => void }) {
  const { settings, update } = useLoopSettings(projectId);
  const windowsNoteId = useId();
  const [draft, setDraft] = useState<Draft>(() => toDraft(settings));
  const error = (field: (typeof fields)[number]) => fieldError(update.error, field);
  const message = formError(update.error, fields);
  const toggle = (granularity: Granularity, isChecked: boolean) =>
    setDraft({ ...draft, granularities: isChecked ? granularities.filter((each) => each === granularity || draft.granularities.includes(each)) : draft.granularities.filter((each) => each !== granularity) });

  function close() {
    update.reset();
    setDraft(toDraft(settings));
    onClose();
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    // An empty box is sent as NaN, which the server refuses with "referenceWindows must be a number".
    const referenceWindows = draft.referenceWindows.trim() === "" ? Number.NaN : Number(draft.referenceWindows);
    update.mutate({ projectId, ...draft, referenceWindows }, { onSuccess: onClose });
  }

  return (
    <Dialog isOpen={isOpen} onClose={close} title="Loop settings" description="Changes apply from the next metrics run. Past windows keep their numbers until you recompute them.">
      <form onSubmit={submit} className="space-y-5" noValidate aria-label="Project loop settings">
        {message && <Alert tone="error">{message}</Alert>}
        <fieldset>
          <legend className="text-sm font-medium text-zinc-800">Windows</legend>
          <div className="mt-2 flex gap-5">
            {granularities.map((granularity) => (
              <label key={granularity} className="flex items-center gap-2 text-sm text-zinc-800">
                <input
                  type="checkbox"
                  className="size-4 accent-zinc-900"
                  checked={draft.granularities.includes(granularity)}
                  onChange={(event) => toggle(granularity, event.target.checked)}
                  aria-invalid={error("granularities") ? true : undefined}
                  aria-describedby={windowsNoteId}
                />
                {granularityTitles[granularity]}
              </label>
            ))}
          </div>
          {error("granularities") ? (
            <p id={windowsNoteId} className="mt-2 text-xs font-medium text-red-600">
              {error("granularities")}
            </p>
          ) : (
            <p id={windowsNoteId} className="mt-1 text-xs text-zinc-500">{projectLoopSettingHints.granularities} A window you add stays empty for past periods until you recompute.</p>
          )}
        </fieldset>
        <MetadataKeysInput
          keys={draft.driftMetadataKeys}
          error={error("driftMetadataKeys")}
          hint={projectLoopSettingHints.driftMetadataKeys}
          onChange={(driftMetadataKeys) => setDraft({ ...draft, driftMetadataKeys })}
        />
        <TextField
          label="Reference windows"
          type="number"
          inputMode="numeric"
          min={3}
          max={30}
          value={draft.referenceWindows}
          error={error("referenceWindows")}
          hint={`${projectLoopSettingHints.referenceWindows} 3–30.`}
          onChange={(event) => setDraft({ ...draft, referenceWindows: event.target.value })}
        />
        <DialogActions onCancel={close} isBusy={update.isPending} />
      </form>
    </Dialog>
  );
}
