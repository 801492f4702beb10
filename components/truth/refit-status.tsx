"use client";

import { Alert } from "@/components/ui/alert";
import { DateTime } from "@/components/ui/date-time";
import type { QueueFitView } from "./use-truth";

/** Where the newest refit is: waiting for a worker or running (with a progress bar), or why it failed. */
export function RefitStatus({ refit }: { refit: QueueFitView["refit"] }) {
  if (!refit) return null;
  if (refit.state === "queued" || refit.state === "running") {
    return (
      <div role="status" aria-label="Refit progress" className="space-y-2 rounded-lg bg-sky-50 px-4 py-3 text-sm text-sky-800 ring-1 ring-sky-200 ring-inset">
        <p className="font-medium">{refit.state === "queued" ? "Refit queued: waiting for a worker…" : "Refitting: reading answers, fitting, writing annotator stats…"}</p>
        <div className="h-1.5 overflow-hidden rounded-full bg-sky-100">
          <div className={refit.state === "queued" ? "h-full w-1/6 rounded-full bg-sky-400" : "h-full w-2/3 animate-pulse rounded-full bg-sky-500"} />
        </div>
        <p className="text-xs text-sky-700">
          Asked <DateTime value={refit.requestedAt} style="dateTime" />. The page updates by itself when it is done.
        </p>
      </div>
    );
  }
  if (refit.state === "failed") {
    return (
      <Alert tone="error" title="The last refit failed">
        {refit.error ?? "No reason was recorded."}
      </Alert>
    );
  }
  return null;
}
