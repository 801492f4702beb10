import type { Transaction } from "kysely";
import type { DB } from "@/db/types";
import { insertAuditEntry } from "@/server/audit/queries";
import { getPublicUrl } from "@/server/lib/env";
import { emitWebhookEvent } from "@/server/webhooks/outbox";
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
 * Records that a release was published, in the transaction that marks it published: the audit entry and the
 * `release.published` webhook event (the outbox), so a rolled-back publish announces nothing and a committed
 * one is never lost. The event carries the absolute URL to pull the release from.
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
  await emitWebhookEvent(trx, {
    projectId: event.projectId,
    type: "release.published",
    data: { datasetId: event.datasetId, datasetSlug: event.slug, release: event.number, rowCount: event.rowCount, pullUrl: `${getPublicUrl()}${releasePullPath(event.slug, event.number)}` },
  });
}
