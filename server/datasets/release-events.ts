import type { Transaction } from "kysely";
import type { DB } from "@/db/types";
import { insertAuditEntry } from "@/server/audit/queries";
import { releasePullPath, type ReleaseChangelog } from "./schema";

export type ReleasePublishedEvent = {
  projectId: string;
  datasetId: string;
  slug: string;
  releaseId: number;
  number: number;
  rowCount: number;
  changelog: ReleaseChangelog;
  publishedBy: string | null;
};

/**
 * Records that a release was published, in the transaction that marks it published: the audit entry now,
 * and the `release.published` webhook event beside it (helper W's `emitWebhookEvent(trx, …)`, wired at
 * merge), so a rolled-back publish announces nothing and a committed one is never lost.
 */
export async function recordReleasePublished(trx: Transaction<DB>, event: ReleasePublishedEvent): Promise<void> {
  await insertAuditEntry(trx, {
    projectId: event.projectId,
    actorUserId: event.publishedBy,
    action: "release.published",
    targetType: "dataset",
    targetId: event.datasetId,
    data: { slug: event.slug, number: event.number, rowCount: event.rowCount, changelog: event.changelog, pullPath: releasePullPath(event.slug, event.number) },
  });
}
