"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Card, CardHeader } from "@/components/ui/card";
import { DateTime } from "@/components/ui/date-time";
import { LiftPauseDialog } from "./lift-pause-dialog";
import { usePauses, type PauseRow } from "./use-gold-items";

/** Who the quality gate paused on this queue; a lead lifts a pause with a note. Lifted ones on request. */
export function PausesCard({ projectId, queueId, hasGate }: { projectId: string; queueId: string; hasGate: boolean }) {
  const [isShowingLifted, setIsShowingLifted] = useState(false);
  const [lifting, setLifting] = useState<PauseRow | null>(null);
  const pauses = usePauses(projectId, queueId, isShowingLifted);
  const rows = pauses.data ?? [];
  return (
    <Card id="pauses">
      <CardHeader
        title="Paused annotators"
        action={
          <Button size="sm" variant="ghost" onClick={() => setIsShowingLifted((isShowing) => !isShowing)} aria-pressed={isShowingLifted}>
            {isShowingLifted ? "Hide lifted" : "Show lifted"}
          </Button>
        }
      />
      {rows.length === 0 ? (
        <p className="px-5 py-4 text-sm text-zinc-500">
          {pauses.isPending
            ? "Loading…"
            : hasGate
              ? "Nobody is paused. An annotator below the gate's accuracy after enough gold checks is paused here, and you are told."
              : "No quality gate is set, so nobody is paused. Set a minimum accuracy in the queue's settings to turn the gate on."}
        </p>
      ) : (
        <ul className="divide-y divide-zinc-100" aria-label="Pauses">
          {rows.map((pause) => (
            <li key={pause.id} className="space-y-1 px-5 py-3 text-sm">
              <div className="flex items-center justify-between gap-2">
                <span className="font-medium text-zinc-900">{pause.annotatorName}</span>
                {pause.liftedAt === null ? (
                  <Button size="sm" variant="secondary" onClick={() => setLifting(pause)} aria-label={`Lift the pause on ${pause.annotatorName}`}>
                    Lift pause
                  </Button>
                ) : (
                  <span className="text-xs text-zinc-500">
                    Lifted <DateTime value={pause.liftedAt} />
                  </span>
                )}
              </div>
              <p className="text-xs text-zinc-500">
                Paused <DateTime value={pause.pausedAt} />: {pause.reason}.
              </p>
              {pause.liftNote && (
                <p className="text-xs text-zinc-500">
                  {pause.liftedByName ?? "A lead"}: “{pause.liftNote}”
                </p>
              )}
            </li>
          ))}
        </ul>
      )}
      <LiftPauseDialog projectId={projectId} pause={lifting} onClose={() => setLifting(null)} />
    </Card>
  );
}
