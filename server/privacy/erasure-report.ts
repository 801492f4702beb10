import type { ErasureResult } from "./erasure-service";
import type { ErasureCounts } from "./schema";

/** Counts in the public snake_case shape the REST API and the CLI both print. */
function toCountsReport(counts: Omit<ErasureCounts, "releaseRowsTombstoned">) {
  return {
    outputs: counts.outputs,
    signals: counts.signals,
    queue_items: counts.queueItems,
    assignments: counts.assignments,
    annotations: counts.annotations,
    gold_labels: counts.goldLabels,
    gold_items: counts.goldItems,
    collab_documents: counts.collabDocuments,
  };
}

/** What an erasure did, as `DELETE /api/v1/end-users/{id}` answers it and `goldloop erase-end-user` prints it. */
export function toErasureReport(result: ErasureResult) {
  return {
    end_user_id: result.endUserId,
    deleted: toCountsReport(result.deleted),
    release_rows_tombstoned: result.deleted.releaseRowsTombstoned,
    releases: result.releases,
  };
}

/** What an erasure would do (`erase-end-user --dry-run`), in the same shape. */
export function toErasurePreviewReport(endUserId: string, counts: ErasureCounts) {
  return { end_user_id: endUserId, would_delete: toCountsReport(counts), release_rows_to_tombstone: counts.releaseRowsTombstoned };
}
