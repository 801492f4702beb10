"use client";

import { Alert } from "@/components/ui/alert";
import { cn } from "@/components/ui/cn";
import { DateTime } from "@/components/ui/date-time";
import type { QueueFitView } from "./use-truth";

const phaseLabels = {
  reading: "Reading answers",
  fitting: "Fitting the model",
  writing: "Writing annotator stats",
  reevaluating: "Deciding open items",
  flagging: "Flagging gold the fit would change",
} as const;
type Phase = keyof typeof phaseLabels;

/** Where the newest refit is: waiting for a worker, or the step it is at (with a progress bar); or why it failed. */
export function RefitStatus({ refit, isDawidSkene }: { refit: QueueFitView["refit"]; isDawidSkene: boolean }) {
  if (!refit) return null;
  if (refit.state === "failed") {
    return (
      <Alert tone="error" title="The last refit failed">
        {refit.error ?? "No reason was recorded."}
      </Alert>
    );
  }
  if (refit.state === "done") return null;
  // Open items and flags are a Dawid–Skene queue's steps only.
  const phases: Phase[] = isDawidSkene ? ["reading", "fitting", "writing", "reevaluating", "flagging"] : ["reading", "fitting", "writing"];
  const current = refit.phase === null ? -1 : phases.indexOf(refit.phase);
  return (
    <div role="status" aria-label="Refit progress" className="space-y-3 rounded-lg bg-sky-50 px-4 py-3 text-sm text-sky-800 ring-1 ring-sky-200 ring-inset">
      <p className="font-medium">{refit.state === "queued" ? "Refit queued: waiting for a worker…" : `Refitting: ${phaseLabels[phases[Math.max(current, 0)]!].toLowerCase()}…`}</p>
      <div className="h-1.5 overflow-hidden rounded-full bg-sky-100">
        <div className="h-full rounded-full bg-sky-500 transition-all" style={{ width: `${((current + 1) / (phases.length + 1)) * 100}%` }} />
      </div>
      <ol className="flex flex-wrap gap-x-4 gap-y-1 text-xs">
        {phases.map((phase, index) => (
          <li key={phase} aria-current={index === current ? "step" : undefined} className={cn(index < current ? "text-sky-600" : index === current ? "font-medium text-sky-900" : "text-sky-500/70")}>
            {index < current ? "✓ " : ""}
            {phaseLabels[phase]}
          </li>
        ))}
      </ol>
      <p className="text-xs text-sky-700">
        Asked <DateTime value={refit.requestedAt} />. The page updates by itself when it is done.
      </p>
    </div>
  );
}
