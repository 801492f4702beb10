"use client";

import { Alert } from "@/components/ui/alert";
import { Card, CardHeader } from "@/components/ui/card";
import { errorMessage } from "@/components/ui/form-errors";
import { useDetectors } from "./use-alerts";

/** The built-in detectors, each with its threshold's origin and an on/off switch. */
export function DetectorToggles({ projectId, canManage }: { projectId: string; canManage: boolean }) {
  const { detectors, setEnabled, setSeverity } = useDetectors(projectId);
  const failure = errorMessage(setEnabled.error ?? setSeverity.error);
  const isSaving = setEnabled.isPending || setSeverity.isPending;
  return (
    <Card>
      <CardHeader
        title="Built-in detectors"
        description="On by default, raising warnings. Turning one off resolves its live alerts (its chart stays on the Loop health page); info alerts never make gold pulls answer alerting."
      />
      {failure && (
        <div className="px-5 pt-4">
          <Alert tone="error">{failure}</Alert>
        </div>
      )}
      <ul className="divide-y divide-zinc-100">
        {detectors.map((detector) => (
          <li key={detector.id} className="flex items-start justify-between gap-6 px-5 py-3">
            <div className="text-sm">
              <p className="font-medium text-zinc-900">{detector.title}</p>
              <p className="text-zinc-500">{detector.summary}</p>
              <p className="mt-1 text-xs text-zinc-500">
                <span className="font-medium text-zinc-700">Band:</span> {detector.nullModel}
              </p>
            </div>
            <div className="flex shrink-0 items-center gap-4">
              <select
                aria-label={`Severity of ${detector.title} alerts`}
                value={detector.severity}
                disabled={!canManage || isSaving}
                onChange={(event) => setSeverity.mutate({ projectId, detector: detector.id, severity: event.target.value as typeof detector.severity })}
                className="rounded-md border-0 bg-white py-1 pr-7 pl-2 text-sm ring-1 ring-zinc-300 ring-inset focus:ring-2 focus:ring-gold-500"
              >
                <option value="info">Info</option>
                <option value="warning">Warning</option>
                <option value="critical">Critical</option>
              </select>
              <label className="flex items-center gap-2 text-sm text-zinc-700">
                <input
                  type="checkbox"
                  role="switch"
                  checked={detector.isEnabled}
                  disabled={!canManage || isSaving}
                  onChange={(event) => setEnabled.mutate({ projectId, detector: detector.id, enabled: event.target.checked })}
                  aria-label={`${detector.title} detector`}
                  className="size-4 accent-zinc-900"
                />
                {detector.isEnabled ? "On" : "Off"}
              </label>
            </div>
          </li>
        ))}
      </ul>
    </Card>
  );
}
