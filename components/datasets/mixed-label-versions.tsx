"use client";

import { useQuery } from "@tanstack/react-query";
import { useTRPC } from "@/components/trpc/provider";
import { Alert } from "@/components/ui/alert";

type MixedLabelVersionsProps = { projectId: string; datasetId: string; release: number };

const describeVersions = (versions: { version: number; rows: number }[]) =>
  versions.map(({ version, rows }) => `${version} (${rows.toLocaleString("en")} ${rows === 1 ? "row" : "rows"})`).join(", ");

/** Warns when a release mixes label versions of a queue: older rows lack the fields added since. Nothing otherwise. */
export function MixedLabelVersions({ projectId, datasetId, release }: MixedLabelVersionsProps) {
  const trpc = useTRPC();
  const mixed = useQuery(trpc.datasets.mixedLabelVersions.queryOptions({ projectId, datasetId, release })).data ?? [];
  if (mixed.length === 0) return null;
  return (
    <div className="px-5 pt-4">
      <Alert tone="warning" title="This release mixes label versions">
        <ul className="list-disc space-y-0.5 pl-4">
          {mixed.map((queue) => (
            <li key={queue.queueId}>
              {queue.queueName}: versions {describeVersions(queue.versions)}
            </li>
          ))}
        </ul>
        <p className="mt-1">
          Each row&apos;s <code>schema_version</code> says which label it was answered under; fields added later are missing from older rows.
        </p>
      </Alert>
    </div>
  );
}
