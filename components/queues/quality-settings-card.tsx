"use client";

import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card, CardHeader } from "@/components/ui/card";
import { Dialog } from "@/components/ui/dialog";
import { DialogActions } from "@/components/ui/dialog-actions";
import { SettingList } from "@/components/ui/setting-list";
import type { QualitySettings } from "@/server/queues/schema";
import { QualitySettingsFields, qualitySettingHints } from "./quality-settings-fields";
import { toQualitySettingsDraft, validateQualitySettings } from "./quality-settings-state";
import { formatPercent } from "./sampling-rule-summary";
import { useUpdateQualitySettings } from "./use-queues";
import { useSettingsForm } from "./use-settings-form";

const serverFields = ["consensusMethod", "majorityThreshold", "minPosterior", "maxOverlap", "goldItemRate", "gateMinAccuracy", "gateMinGoldItems", "dailyCap"] as const;

type QualitySettingsCardProps = { projectId: string; queueId: string; overlap: number; settings: QualitySettings; canManage: boolean };

function EditQualitySettingsDialog({ projectId, queueId, overlap, settings, onClose }: Omit<QualitySettingsCardProps, "canManage"> & { onClose: () => void }) {
  const update = useUpdateQualitySettings();
  const { draft, errors, message, patch, close, submit } = useSettingsForm({
    initial: toQualitySettingsDraft(settings),
    validate: (typed) => validateQualitySettings(typed, overlap),
    serverFields,
    mutation: update,
    onValid: (data) => update.mutate({ projectId, queueId, ...data }, { onSuccess: onClose }),
    onClose,
  });

  return (
    <Dialog isOpen onClose={close} title="Resolution and quality" description="Gold already written stays; the next resolution, claim and gold check follow these settings.">
      <form onSubmit={submit} className="space-y-4" noValidate aria-label="Resolution and quality">
        {message && <Alert tone="error">{message}</Alert>}
        <QualitySettingsFields draft={draft} overlap={overlap} errors={errors} onChange={patch} />
        <DialogActions onCancel={close} isBusy={update.isPending} />
      </form>
    </Dialog>
  );
}

/** How the queue turns answers into gold and keeps annotators honest; leads and admins can change it. */
export function QualitySettingsCard({ projectId, queueId, overlap, settings, canManage }: QualitySettingsCardProps) {
  const [isEditing, setIsEditing] = useState(false);
  const isDawidSkene = settings.consensusMethod === "dawid_skene";
  const rows = [
    {
      term: "Consensus",
      value: isDawidSkene ? `Dawid–Skene ≥ ${settings.minPosterior}` : `majority ≥ ${formatPercent(settings.majorityThreshold)}`,
      hint: isDawidSkene ? qualitySettingHints.minPosterior : qualitySettingHints.majorityThreshold,
    },
    { term: "Overlap", value: settings.maxOverlap === null ? `${overlap}, fixed` : `${overlap} up to ${settings.maxOverlap}`, hint: qualitySettingHints.maxOverlap },
    { term: "Gold checks", value: settings.goldItemRate > 0 ? formatPercent(settings.goldItemRate) : "none", hint: qualitySettingHints.goldItemRate },
    {
      term: "Gate",
      value: settings.gateMinAccuracy === null ? "off" : `${formatPercent(settings.gateMinAccuracy)} after ${settings.gateMinGoldItems} checks`,
      hint: qualitySettingHints.gateMinAccuracy,
    },
    { term: "Daily cap", value: settings.dailyCap === null ? "none" : `${settings.dailyCap} per annotator`, hint: qualitySettingHints.dailyCap },
  ];
  return (
    <Card>
      <CardHeader
        title="Resolution and quality"
        action={
          canManage && (
            <Button size="sm" variant="secondary" aria-label="Edit resolution and quality" onClick={() => setIsEditing(true)}>
              Edit
            </Button>
          )
        }
      />
      <SettingList rows={rows} label="Resolution and quality" />
      {canManage && isEditing && <EditQualitySettingsDialog projectId={projectId} queueId={queueId} overlap={overlap} settings={settings} onClose={() => setIsEditing(false)} />}
    </Card>
  );
}
