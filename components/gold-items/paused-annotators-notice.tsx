"use client";

import Link from "next/link";
import { Alert } from "@/components/ui/alert";
import { countOf } from "@/components/ui/plural";
import { usePauses } from "./use-gold-items";

/**
 * Tells a lead who the queue's quality gate paused. Renders nothing while loading, when nobody is paused,
 * or for someone who may not see pauses (the procedure is lead-only), so it can sit on any queue page.
 * `manageHref` links to where pauses are lifted (the gold-checks page).
 */
export function PausedAnnotatorsNotice({ projectId, queueId, manageHref }: { projectId: string; queueId: string; manageHref?: string }) {
  const pauses = usePauses(projectId, queueId);
  const live = pauses.data ?? [];
  if (live.length === 0) return null;
  const names = live.map((pause) => pause.annotatorName).join(", ");
  return (
    <div className="mb-6">
      <Alert tone="error" title={`${countOf(live.length, "annotator")} paused by the quality gate`}>
        <p>
          {names} {live.length === 1 ? "is" : "are"} below this queue&apos;s gold-check accuracy threshold and cannot claim items until a lead lifts the pause.
          {manageHref && (
            <>
              {" "}
              <Link href={manageHref} className="font-medium underline">
                Review pauses
              </Link>
            </>
          )}
        </p>
      </Alert>
    </div>
  );
}
