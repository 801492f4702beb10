import type { Kysely } from "kysely";
import type { DB } from "@/db/types";
import { diffRowKeys, selectReleaseRowKeys } from "./diff-queries";
import { findDatasetSlug } from "./queries";
import { describePublishFailure } from "./publish-service";
import { toEligibility } from "./recipe";
import { recordReleasePublished } from "./release-events";
import {
  addFrozenRows,
  findLastFrozenPosition,
  findLatestPublishedRelease,
  freezeReleaseBatch,
  lockRelease,
  markReleasePublished,
  setReleaseStatus,
  stageReleaseCandidates,
} from "./release-queries";
import { releaseRecipeSchema } from "./schema";

/** Rows copied per transaction: small enough that progress moves every second or so, large enough to be cheap. */
const DEFAULT_FREEZE_BATCH = 5_000;

export type PublishOptions = { batchSize?: number; onProgress?: (progress: { rowsFrozen: number; rowsExpected: number }) => void };
export type PublishOutcome = "published" | "failed" | "skipped";

type Target = { projectId: string; releaseId: number };

/**
 * Step 1: picks the rows (one statement, so one snapshot) and marks the release publishing. Nothing to do
 * for a release already past this step; returns the number of rows expected, or null when it should not run.
 */
async function stage(db: Kysely<DB>, target: Target): Promise<number | null> {
  return db.transaction().execute(async (trx) => {
    const release = await lockRelease(trx, target.projectId, target.releaseId);
    if (!release) return null;
    switch (release.status) {
      case "published":
      case "failed":
        return null;
      case "publishing":
        return release.rowsExpected;
      case "queued": {
        if (release.rowsExpected !== null) {
          await setReleaseStatus(trx, { ...target, status: "publishing" });
          return release.rowsExpected;
        }
        const recipe = releaseRecipeSchema.parse(release.recipe);
        const expected = await stageReleaseCandidates(trx, { projectId: target.projectId, recipe: toEligibility(recipe), releaseId: target.releaseId });
        await setReleaseStatus(trx, { ...target, status: "publishing", rowsExpected: expected });
        return expected;
      }
    }
  });
}

/** Step 2, repeated: copies one batch under the release lock and counts it, in one transaction. */
async function freezeNextBatch(db: Kysely<DB>, target: Target, afterPosition: number, batchSize: number) {
  return db.transaction().execute(async (trx) => {
    const release = await lockRelease(trx, target.projectId, target.releaseId);
    if (release?.status !== "publishing") return null;
    const recipe = releaseRecipeSchema.parse(release.recipe);
    const batch = await freezeReleaseBatch(trx, { ...target, afterPosition, limit: batchSize, rule: recipe });
    await addFrozenRows(trx, target.projectId, target.releaseId, batch.frozen);
    return { ...batch, rowsFrozen: release.rowsFrozen + batch.frozen };
  });
}

/** Step 3: the changelog against the previous published release, and `published`, in one transaction. */
async function finish(db: Kysely<DB>, target: Target): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    const release = await lockRelease(trx, target.projectId, target.releaseId);
    if (release?.status !== "publishing") return false;
    if (release.rowsFrozen === 0) {
      await setReleaseStatus(trx, { ...target, status: "failed", error: "nothing to publish: no current gold label met the recipe when the job ran" });
      return false;
    }
    const previous = await findLatestPublishedRelease(trx, target.projectId, release.datasetId, { before: release.number });
    const changelog = previous
      ? await diffRowKeys(trx, selectReleaseRowKeys(trx, target.projectId, release.id), selectReleaseRowKeys(trx, target.projectId, previous.id))
      : { added: release.rowsFrozen, removed: 0, relabelled: 0 };
    await markReleasePublished(trx, { ...target, rowCount: release.rowsFrozen, changelog });
    const slug = await findDatasetSlug(trx, target.projectId, release.datasetId);
    await recordReleasePublished(trx, {
      projectId: target.projectId,
      datasetId: release.datasetId,
      slug,
      releaseId: release.id,
      number: release.number,
      rowCount: release.rowsFrozen,
      changelog,
      publishedBy: release.publishedBy,
    });
    return true;
  });
}

/**
 * Builds a queued release: picks its rows, freezes them in batches (progress in rows_frozen), then marks it
 * published with its changelog. Pulls see it only from that last commit on, so a partly frozen release is
 * never visible. A failure marks the release failed with a sentence to show; a retry resumes after the rows
 * already frozen. Safe to run twice at once: every step holds the release's row lock.
 */
export async function runReleasePublication(db: Kysely<DB>, target: Target, options: PublishOptions = {}): Promise<PublishOutcome> {
  const batchSize = options.batchSize ?? DEFAULT_FREEZE_BATCH;
  try {
    const rowsExpected = await stage(db, target);
    if (rowsExpected === null) return "skipped";
    let afterPosition = await findLastFrozenPosition(db, target.projectId, target.releaseId);
    for (;;) {
      const batch = await freezeNextBatch(db, target, afterPosition, batchSize);
      if (!batch) return "skipped";
      options.onProgress?.({ rowsFrozen: batch.rowsFrozen, rowsExpected });
      afterPosition += batchSize;
      if (!batch.hasMore) break;
    }
    return (await finish(db, target)) ? "published" : "failed";
  } catch (error) {
    const message = describePublishFailure(error, target.releaseId);
    await db.transaction().execute(async (trx) => {
      const release = await lockRelease(trx, target.projectId, target.releaseId);
      if (release && release.status !== "published") await setReleaseStatus(trx, { ...target, status: "failed", error: message });
    });
    return "failed";
  }
}
