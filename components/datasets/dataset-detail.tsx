"use client";

import Link from "next/link";
import { useState } from "react";
import { useShortcuts } from "@/components/shell/use-shortcuts";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card, CardHeader } from "@/components/ui/card";
import { Kbd } from "@/components/ui/kbd";
import { PageHeader } from "@/components/ui/page-header";
import { ChangelogCounts } from "./changelog-counts";
import { DatasetDefinition } from "./dataset-definition";
import { EditDatasetForm } from "./edit-dataset-form";
import { PublishDialog } from "./publish-dialog";
import { PullCommand } from "./pull-command";
import { ReleaseDownload } from "./release-download";
import { ReleaseExplorer } from "./release-explorer";
import { ReleasesTable } from "./releases-table";
import { useDataset, useReleaseProgress } from "./use-datasets";
import { choiceFields } from "@/server/queues/schema";

type DatasetDetailProps = { projectId: string; slug: string; datasetId: string; publicUrl: string; canPublish: boolean; canManageKeys: boolean };

/** One dataset: what its next release would hold, publishing it, its releases and what is inside them, and how to pull them. */
export function DatasetDetail({ projectId, slug, datasetId, publicUrl, canPublish, canManageKeys }: DatasetDetailProps) {
  const fetched = useDataset(projectId, datasetId);
  const isBuilding = fetched.releases.some((release) => release.status === "queued" || release.status === "publishing");
  const progress = useReleaseProgress(projectId, datasetId, isBuilding);
  const dataset = { ...fetched, releases: fetched.releases.map((release) => ({ ...release, ...progress?.find((latest) => latest.number === release.number) })) };
  const [isPublishing, setIsPublishing] = useState(false);
  const [isEditing, setIsEditing] = useState(false);
  const [queuedNumber, setQueuedNumber] = useState<number | null>(null);
  const base = `/p/${slug}`;
  // One release of a dataset is built at a time, so its changelog compares with a finished one.
  const canPublishNow = canPublish && dataset.eligibleRows > 0 && !isBuilding;
  useShortcuts([
    ...(canPublishNow ? [{ keys: ["r"], label: "Publish a release", run: () => setIsPublishing(true) }] : []),
    ...(canPublish ? [{ keys: ["e"], label: "Edit the dataset's recipe", run: () => setIsEditing(true) }] : []),
  ]);
  const publishedNumbers = dataset.releases.filter((release) => release.status === "published").map((release) => release.number);
  const queued = dataset.releases.find((release) => release.number === queuedNumber);
  const labelOptions = dataset.queues.flatMap((queue) => choiceFields(queue.labelSchema).flatMap((field) => field.options.map((option) => ({ value: `${field.key}=${option.value}`, title: `${field.title}: ${option.title}` }))));
  const uniqueLabelOptions = [...new Map(labelOptions.map((option) => [option.value, option])).values()];

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
            <div className="flex gap-2">
              <Button variant="secondary" onClick={() => setIsEditing(true)} aria-keyshortcuts="e">
                Edit recipe
                <span aria-hidden>
                  <Kbd>e</Kbd>
                </span>
              </Button>
              <Button
                onClick={() => setIsPublishing(true)}
                disabled={!canPublishNow}
                aria-keyshortcuts={canPublishNow ? "r" : undefined}
                title={isBuilding ? "A release is being published; publish the next once it is done" : undefined}
              >
                Publish release {dataset.nextReleaseNumber}
                {canPublishNow && (
                  <span aria-hidden>
                    <Kbd>r</Kbd>
                  </span>
                )}
              </Button>
            </div>
          ) : undefined
        }
      />
      {queued && (
        <div className="mb-6">
          <Alert tone={queued.status === "failed" ? "error" : "success"} title={`Release ${queued.number} ${queued.status === "published" ? "published" : queued.status === "failed" ? "failed" : "is being published"}`}>
            {queued.status === "published"
              ? `${queued.rowsFrozen.toLocaleString("en")} rows are frozen and ready to pull.`
              : queued.status === "failed"
                ? "See the releases below for why; you can retry it there."
                : "Rows are frozen in the background; the progress below updates by itself, and pulls see the release once it is published."}
          </Alert>
        </div>
      )}
      {dataset.hasMixedLabelSchemas && (
        <div className="mb-6">
          <Alert title="This dataset mixes label schemas">
            Its queues label differently ({dataset.queues.map((queue) => queue.name).join(", ")}), so the same field may mean different things from row to row. Each
            row records its queue and schema version.
          </Alert>
        </div>
      )}
      <div className="grid gap-6 xl:grid-cols-[1fr_22rem]">
        <div className="min-w-0 space-y-6">
          {isEditing && <EditDatasetForm projectId={projectId} dataset={dataset} onDone={() => setIsEditing(false)} />}
          <Card>
            <CardHeader title={`Release ${dataset.nextReleaseNumber} would hold`} description="Current gold labels that meet the dataset's recipe, as of now." />
            <div className="flex flex-wrap items-end gap-x-10 gap-y-4 px-5 py-4">
              <p>
                <span className="block text-3xl font-semibold text-zinc-900 tabular-nums">{dataset.eligibleRows.toLocaleString()}</span>
                <span className="text-sm text-zinc-500">eligible rows</span>
              </p>
              <p className="text-sm text-zinc-500">
                <span className="block">{dataset.latestPublishedNumber ? `Since release ${dataset.latestPublishedNumber}` : "Nothing published yet"}</span>
                <ChangelogCounts changelog={dataset.pendingChanges} />
              </p>
            </div>
            {dataset.eligibleRows === 0 && (
              <p className="border-t border-zinc-100 px-5 py-3 text-sm text-zinc-500">
                No gold label meets the recipe yet. Rows appear as items in these queues resolve, by agreement or by a lead&apos;s adjudication; loosen the filters if
                you expected some.
              </p>
            )}
            {!canPublish && <p className="border-t border-zinc-100 px-5 py-3 text-sm text-zinc-500">ML engineers and admins publish releases.</p>}
          </Card>
          <ReleasesTable projectId={projectId} datasetId={datasetId} releases={dataset.releases} canPublish={canPublish} />
          <ReleaseExplorer projectId={projectId} datasetId={datasetId} publishedNumbers={publishedNumbers} labelOptions={uniqueLabelOptions} />
        </div>
        <div className="space-y-6">
          <ReleaseDownload projectSlug={slug} datasetId={datasetId} releaseNumbers={publishedNumbers} />
          <PullCommand publicUrl={publicUrl} pullPath={dataset.pullPath} apiKeysHref={canManageKeys ? `${base}/api-keys` : null} />
          <DatasetDefinition base={base} dataset={dataset} />
        </div>
      </div>
      {canPublish && (
        <PublishDialog
          projectId={projectId}
          dataset={dataset}
          isOpen={isPublishing}
          onClose={() => setIsPublishing(false)}
          onPublished={(release) => {
            setQueuedNumber(release.number);
            setIsPublishing(false);
          }}
        />
      )}
    </>
  );
}
