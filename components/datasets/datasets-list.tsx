"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useShortcuts } from "@/components/shell/use-shortcuts";
import { Card } from "@/components/ui/card";
import { DateTime } from "@/components/ui/date-time";
import { EmptyState } from "@/components/ui/empty-state";
import { Kbd } from "@/components/ui/kbd";
import { PageHeader } from "@/components/ui/page-header";
import { Table, Td, Th } from "@/components/ui/table";
import { useDatasets } from "./use-datasets";

const newDatasetClass = "inline-flex h-10 items-center gap-2 rounded-md bg-zinc-900 px-4 text-sm font-medium text-white hover:bg-zinc-700";

function NewDatasetLink({ href, children }: { href: string; children: string }) {
  return (
    <Link href={href} className={newDatasetClass} aria-keyshortcuts="n">
      {children}
      <span aria-hidden>
        <Kbd>n</Kbd>
      </span>
    </Link>
  );
}

/** The datasets page: every dataset with its latest release, or what datasets are for when there are none. */
export function DatasetsList({ projectId, slug, canCreate }: { projectId: string; slug: string; canCreate: boolean }) {
  const datasets = useDatasets(projectId);
  const router = useRouter();
  const base = `/p/${slug}`;
  useShortcuts(canCreate ? [{ keys: ["n"], label: "New dataset", run: () => router.push(`${base}/datasets/new`) }] : []);

  return (
    <>
      <PageHeader
        title="Datasets"
        description="A dataset gathers the gold labels of some queues and publishes them as numbered, immutable releases your training pipeline pulls."
        action={datasets.length > 0 && canCreate ? <NewDatasetLink href={`${base}/datasets/new`}>New dataset</NewDatasetLink> : undefined}
      />
      {datasets.length === 0 ? (
        <EmptyState
          title="No datasets yet"
          action={canCreate ? <NewDatasetLink href={`${base}/datasets/new`}>Create a dataset</NewDatasetLink> : undefined}
        >
          <p>
            When annotators agree on an item, or a lead settles their disagreement, it becomes a <strong>gold label</strong>. A dataset picks
            which queues&apos; gold labels to ship, and at what confidence.
          </p>
          <p className="mt-3">
            Create one from your queues&apos; gold labels, then <strong>publish a release</strong>: a frozen, numbered copy that never changes, so
            a model trained on release 3 can always be traced back to exactly those rows. Pipelines pull releases as JSONL with an API key.
          </p>
          {!canCreate && <p className="mt-3">ML engineers and admins create datasets; you will see them here.</p>}
        </EmptyState>
      ) : (
        <Card>
          <Table aria-label="Datasets">
            <thead>
              <tr>
                <Th>Name</Th>
                <Th>Queues</Th>
                <Th className="text-right">Eligible rows</Th>
                <Th>Latest release</Th>
              </tr>
            </thead>
            <tbody className="divide-y divide-zinc-100">
              {datasets.map((dataset) => (
                <tr key={dataset.id}>
                  <Td>
                    <Link href={`${base}/datasets/${dataset.id}`} className="font-medium text-zinc-900 hover:underline">
                      {dataset.name}
                    </Link>
                    <span className="block font-mono text-xs text-zinc-500">{dataset.slug}</span>
                  </Td>
                  <Td className="text-zinc-600">{dataset.queueNames.join(", ")}</Td>
                  <Td className="text-right tabular-nums">{dataset.eligibleRows.toLocaleString()}</Td>
                  <Td>
                    {dataset.latestRelease ? (
                      <span>
                        <span className="font-medium text-zinc-900">r{dataset.latestRelease.number}</span>
                        <span className="text-zinc-500">
                          {" "}
                          · {dataset.latestRelease.rowCount.toLocaleString()} rows · <DateTime value={dataset.latestRelease.publishedAt} style="date" />
                        </span>
                      </span>
                    ) : (
                      <span className="text-zinc-500">not published yet</span>
                    )}
                  </Td>
                </tr>
              ))}
            </tbody>
          </Table>
        </Card>
      )}
    </>
  );
}
