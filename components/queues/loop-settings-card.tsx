"use client";

import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card, CardHeader } from "@/components/ui/card";
import { Dialog } from "@/components/ui/dialog";
import type { CategoricalField, LoopSettings } from "@/server/queues/schema";
import { LoopSettingsFields, loopSettingHints } from "./loop-settings-fields";
import { toLoopSettingsDraft, validateLoopSettings } from "./loop-settings-state";
import { formatPercent } from "./sampling-rule-summary";
import { useUpdateLoopSettings } from "./use-queues";
import { useSettingsForm } from "./use-settings-form";
import { SettingList } from "@/components/ui/setting-list";
import { DialogActions } from "@/components/ui/dialog-actions";

const serverFields = ["holdoutFraction", "suggestionDisplay", "decoyRate", "approvalValues"] as const;

type LoopSettingsCardProps = { projectId: string; queueId: string; field: CategoricalField; settings: LoopSettings; canManage: boolean };

function EditLoopSettingsDialog({ projectId, queueId, field, settings, isOpen, onClose }: Omit<LoopSettingsCardProps, "canManage"> & { isOpen: boolean; onClose: () => void }) {
  const update = useUpdateLoopSettings();
  // The server names an approval value's field as approvalValues.<key>.
  const approvalField = `approvalValues.${field.key}`;
  const { draft, errors, message, patch, close, submit } = useSettingsForm({
    initial: toLoopSettingsDraft(settings, field.key),
    validate: (typed) => validateLoopSettings(typed, field.key),
    serverFields: [...serverFields, approvalField],
    mutation: update,
    onValid: (data) => update.mutate({ projectId, queueId, ...data }, { onSuccess: onClose }),
    onClose,
  });
  errors.approvalValues ??= errors[approvalField];

  return (
    <Dialog isOpen={isOpen} onClose={close} title="Loop settings" description="Items already in the queue keep the π they were drawn with; new claims follow these settings.">
      <form onSubmit={submit} className="space-y-4" noValidate aria-label="Loop settings">
        {message && <Alert tone="error">{message}</Alert>}
        <LoopSettingsFields draft={draft} options={field.options} errors={errors} onChange={patch} />
        <DialogActions onCancel={close} isBusy={update.isPending} />
      </form>
    </Dialog>
  );
}

/** The queue's loop-health settings, each with its one-line meaning; leads and admins can change them. */
export function LoopSettingsCard({ projectId, queueId, field, settings, canManage }: LoopSettingsCardProps) {
  const [isEditing, setIsEditing] = useState(false);
  const acceptable = (settings.approvalValues[field.key] ?? []).map((value) => field.options.find((option) => option.value === value)?.title ?? value);
  const rows = [
    { term: "Holdout", value: settings.holdoutFraction > 0 ? formatPercent(settings.holdoutFraction) : "none", hint: loopSettingHints.holdoutFraction },
    { term: "Suggestions", value: settings.suggestionDisplay === "preselected" ? "pre-selected" : "hidden", hint: loopSettingHints.suggestionDisplay },
    {
      term: "Decoys",
      value: settings.suggestionDisplay === "preselected" && settings.decoyRate > 0 ? formatPercent(settings.decoyRate) : "none",
      hint: loopSettingHints.decoyRate,
    },
    { term: "Acceptable", value: acceptable.length > 0 ? acceptable.join(", ") : "not set", hint: loopSettingHints.approvalValues },
  ];
  return (
    <Card>
      <CardHeader
        title="Loop settings"
        action={
          canManage && (
            <Button size="sm" variant="secondary" aria-label="Edit loop settings" onClick={() => setIsEditing(true)}>
              Edit
            </Button>
          )
        }
      />
      <SettingList rows={rows} />
      {canManage && isEditing && (
        <EditLoopSettingsDialog projectId={projectId} queueId={queueId} field={field} settings={settings} isOpen={isEditing} onClose={() => setIsEditing(false)} />
      )}
    </Card>
  );
}
