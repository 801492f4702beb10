"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Card, CardHeader } from "@/components/ui/card";
import { granularityTitles, projectLoopSettingHints } from "./loop-settings-hints";
import { LoopSettingsDialog } from "./loop-settings-dialog";
import { RecomputeMetrics } from "./recompute-metrics";
import { useLoopSettings } from "./use-loop-settings";
import { SettingList } from "@/components/ui/setting-list";

/** What the metrics job computes and the detectors compare, with its editor and a recompute for leads and admins. */
export function LoopSettingsCard({ projectId, canManage }: { projectId: string; canManage: boolean }) {
  const { settings } = useLoopSettings(projectId);
  const [isEditing, setIsEditing] = useState(false);
  const rows = [
    { term: "Windows", value: settings.granularities.map((granularity) => granularityTitles[granularity]).join(", "), hint: projectLoopSettingHints.granularities },
    { term: "Drift metadata keys", value: settings.driftMetadataKeys.length > 0 ? settings.driftMetadataKeys.join(", ") : "none", hint: projectLoopSettingHints.driftMetadataKeys },
    { term: "Reference windows", value: String(settings.referenceWindows), hint: projectLoopSettingHints.referenceWindows },
  ];
  return (
    <Card>
      <CardHeader
        title="Loop settings"
        description={canManage ? "What the metrics job computes and what the detectors compare against." : "Only leads and admins can change these settings or recompute metrics."}
        action={
          canManage && (
            <Button size="sm" variant="secondary" onClick={() => setIsEditing(true)}>
              Edit
            </Button>
          )
        }
      />
      <SettingList rows={rows} label="Loop settings" />
      {canManage && (
        <div className="border-t border-zinc-100">
          <RecomputeMetrics projectId={projectId} />
        </div>
      )}
      {canManage && isEditing && <LoopSettingsDialog projectId={projectId} isOpen={isEditing} onClose={() => setIsEditing(false)} />}
    </Card>
  );
}
