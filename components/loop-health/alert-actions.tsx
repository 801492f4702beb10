"use client";

import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { errorMessage } from "@/components/ui/form-errors";
import { useAlert } from "./use-alerts";

const snoozeChoices = [
  { hours: 1, label: "1 hour" },
  { hours: 24, label: "1 day" },
  { hours: 24 * 7, label: "1 week" },
] as const;

/** Acknowledge, snooze or unsnooze a live alert; leads and admins only, the rest read why the buttons are missing. */
export function AlertActions({ projectId, alertId, canManage }: { projectId: string; alertId: string; canManage: boolean }) {
  const { alert, acknowledge, snooze, unsnooze } = useAlert(projectId, alertId);
  if (alert.state === "resolved") return null;
  if (!canManage) return <p className="text-sm text-zinc-500">Leads and admins can acknowledge or snooze this alert.</p>;
  const failure = errorMessage(acknowledge.error ?? snooze.error ?? unsnooze.error);
  return (
    <div className="space-y-3">
      {failure && <Alert tone="error">{failure}</Alert>}
      <div className="flex flex-wrap items-center gap-2">
        {alert.state === "open" && (
          <Button onClick={() => acknowledge.mutate({ projectId, alertId })} isBusy={acknowledge.isPending}>
            Acknowledge
          </Button>
        )}
        {alert.isSnoozed ? (
          <Button variant="secondary" onClick={() => unsnooze.mutate({ projectId, alertId })} isBusy={unsnooze.isPending}>
            Unsnooze
          </Button>
        ) : (
          <div role="group" aria-label="Snooze" className="flex items-center gap-1.5">
            <span className="text-sm text-zinc-600">Snooze for</span>
            {snoozeChoices.map((choice) => (
              <Button
                key={choice.hours}
                variant="secondary"
                size="sm"
                aria-label={`Snooze for ${choice.label}`}
                onClick={() => snooze.mutate({ projectId, alertId, hours: choice.hours })}
                isBusy={snooze.isPending && snooze.variables?.hours === choice.hours}
              >
                {choice.label}
              </Button>
            ))}
          </div>
        )}
      </div>
    </div>
  );
}
