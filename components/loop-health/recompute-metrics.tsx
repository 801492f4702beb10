"use client";

import { useState, type FormEvent } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { fieldError, formError } from "@/components/ui/form-errors";
import { countOf } from "@/components/ui/plural";
import { useLoopSettings } from "./use-loop-settings";

/** Recomputes every metric window from a day on (the whole history without one), for after a settings change. */
export function RecomputeMetrics({ projectId }: { projectId: string }) {
  const { backfill } = useLoopSettings(projectId);
  const [since, setSince] = useState("");
  const message = formError(backfill.error, ["since"]);

  function submit(event: FormEvent) {
    event.preventDefault();
    backfill.mutate({ projectId, since: since === "" ? undefined : new Date(`${since}T00:00:00Z`) });
  }

  return (
    <form onSubmit={submit} noValidate aria-label="Recompute metrics" className="space-y-3 px-5 py-4">
      <div>
        <h3 className="text-sm font-semibold text-zinc-900">Recompute metrics</h3>
        <p className="mt-0.5 text-xs text-zinc-500">Rewrites past windows with the current settings, e.g. after adding a window or a metadata key. Alerts follow at the next evaluation.</p>
      </div>
      {message && <Alert tone="error">{message}</Alert>}
      {backfill.isSuccess && <Alert tone="success">Recomputed {countOf(backfill.data.windowsRecomputed, "window")}.</Alert>}
      <div className="flex items-end gap-3">
        <div className="w-56">
          <TextField label="Since (UTC)" type="date" hint="Optional; empty means the whole history." value={since} error={fieldError(backfill.error, "since")} onChange={(event) => setSince(event.target.value)} />
        </div>
        {/* Aligns the button with the input, above the hint line. */}
        <div className="pb-6">
          <Button type="submit" variant="secondary" isBusy={backfill.isPending}>
            {backfill.isPending ? "Recomputing…" : "Recompute metrics"}
          </Button>
        </div>
      </div>
    </form>
  );
}
