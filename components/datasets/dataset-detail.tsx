"use client";

import Link from "next/link";
import { useState } from "react";
import { useShortcuts } from "@/components/shell/use-shortcuts";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardHeader } from "@/components/ui/card";
import { DateTime } from "@/components/ui/date-time";
import { Kbd } from "@/components/ui/kbd";
import { PageHeader } from "@/components/ui/page-header";
import { countOf } from "@/components/ui/plural";
import { ChangelogCounts } from "./changelog-counts";
import { PublishDialog } from "./publish-dialog";
import { PullCommand } from "./pull-command";
import { ReleaseDownload } from "./release-download";
import { ReleasesTable } from "./releases-table";
import { useDataset } from "./use-datasets";

type DatasetDetailProps = { projectId: string; slug: string; datasetId: string; publicUrl: string; canPublish: boolean; canManageKeys: boolean };

/** One dataset: what its next release would hold, publishing it, its releases and how to pull them. */
export function DatasetDetail({ projectId, slug, datasetId, publicUrl, canPublish, canManageKeys }: DatasetDetailProps) {
  const dataset = useDataset(projectId, datasetId);
  const [isPublishing, setIsPublishing] = useState(false);
  const [published, setPublished] = useState<{ number: number; rowCount: number } | null>(null);
  const base = `/p/${slug}`;
  const canPublishNow = canPublish && dataset.eligibleRows > 0;
  useShortcuts(canPublishNow ? [{ keys: ["r"], label: "Publish a release", run: () => setIsPublishing(true) }] : []);
  const latest = dataset.releases[0];

  return (
    <>
      <nav aria-label="Breadcrumb" className="mb-2 text-sm text-zinc-500">
        <Link href={`${base}/datasets`} className="hover:text-zinc-800 hover:underline">
          Datasets
        </Link>{" "}
        / <span className="text-zinc-800">{dataset.name}</span>
      </nav>
      <PageHeader
        title={dataset.name}
        description={dataset.description || `Gold labels of ${dataset.queues.map((queue) => queue.name).join(", ")}, frozen into numbered releases.`}
        action={
          canPublish ? (
            <Button onClick={() => setIsPublishing(true)} disabled={!canPublishNow} aria-keyshortcuts={canPublishNow ? "r" : undefined}>
              Publish release {dataset.nextReleaseNumber}
              {canPublishNow && (
                <span aria-hidden>
                  <Kbd>r</Kbd>
                </span>
              )}
            </Button>
          ) : undefined
        }
      />
      {published && (
        <div className="mb-6">
          <Alert tone="success" title={`Release ${published.number} published`}>
            {published.rowCount === 1 ? "1 row is" : `${countOf(published.rowCount, "row")} are`} frozen and ready to pull.
          </Alert>
        </div>
      )}
      <div className="grid gap-6 xl:grid-cols-[1fr_22rem]">
        <div className="min-w-0 space-y-6">
          <Card>
            <CardHeader
              title={`Release ${dataset.nextReleaseNumber} would hold`}
              description="Current gold labels of the dataset's queues at or above its minimum confidence, as of now."
            />
            <div className="flex flex-wrap items-end gap-x-10 gap-y-4 px-5 py-4">
              <p>
                <span className="block text-3xl font-semibold text-zinc-900 tabular-nums">{dataset.eligibleRows.toLocaleString()}</span>
                <span className="text-sm text-zinc-500">eligible rows</span>
              </p>
              <p className="text-sm text-zinc-500">
                <span className="block">{latest ? `Since release ${latest.number}` : "Nothing published yet"}</span>
                <ChangelogCounts changelog={dataset.pendingChanges} />
              </p>
            </div>
            {dataset.eligibleRows === 0 && (
              <p className="border-t border-zinc-100 px-5 py-3 text-sm text-zinc-500">
                No gold labels yet. Rows appear as items in these queues resolve, by agreement or by a lead&apos;s adjudication.
              </p>
            )}
            {!canPublish && <p className="border-t border-zinc-100 px-5 py-3 text-sm text-zinc-500">ML engineers and admins publish releases.</p>}
          </Card>
          <ReleasesTable releases={dataset.releases} />
        </div>
        <div className="space-y-6">
          <ReleaseDownload projectSlug={slug} datasetId={datasetId} releaseNumbers={dataset.releases.map((release) => release.number)} />
          <PullCommand publicUrl={publicUrl} pullPath={dataset.pullPath} apiKeysHref={canManageKeys ? `${base}/api-keys` : null} />
          <Card>
            <CardHeader title="Definition" />
            <dl className="space-y-3 px-5 py-4 text-sm">
              <div>
                <dt className="text-zinc-500">Queues</dt>
                <dd className="mt-1 flex flex-wrap gap-1">
                  {dataset.queues.map((queue) => (
                    <Link key={queue.id} href={`${base}/queues/${queue.id}`} className="rounded-md focus-visible:ring-2 focus-visible:ring-gold-500">
                      <Badge tone={queue.archivedAt ? "neutral" : "gold"}>{queue.name}</Badge>
                    </Link>
                  ))}
                </dd>
              </div>
              <div>
                <dt className="text-zinc-500">Minimum confidence</dt>
                <dd className="text-zinc-900">{dataset.minConfidence.toFixed(2)}</dd>
              </div>
              <div>
                <dt className="text-zinc-500">Slug</dt>
                <dd className="font-mono text-xs text-zinc-900">{dataset.slug}</dd>
              </div>
              <div>
                <dt className="text-zinc-500">Created</dt>
                <dd className="text-zinc-900">
                  <DateTime value={dataset.createdAt} style="date" />
                  {dataset.createdByName && ` by ${dataset.createdByName}`}
                </dd>
              </div>
            </dl>
          </Card>
        </div>
      </div>
      {canPublish && (
        <PublishDialog
          projectId={projectId}
          dataset={dataset}
          isOpen={isPublishing}
          onClose={() => setIsPublishing(false)}
          onPublished={(release) => {
            setPublished(release);
            setIsPublishing(false);
          }}
        />
      )}
    </>
  );
}
