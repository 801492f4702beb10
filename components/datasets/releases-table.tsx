"use client";

import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardHeader } from "@/components/ui/card";
import { DateTime } from "@/components/ui/date-time";
import { errorMessage } from "@/components/ui/form-errors";
import { Table, Td, Th } from "@/components/ui/table";
import type { ReleaseChangelog, ReleaseStatus } from "@/server/datasets/schema";
import { ChangelogCounts } from "./changelog-counts";
import { ReleaseProgress } from "./release-progress";
import { useRetryRelease } from "./use-datasets";

type Release = {
  number: number;
  status: ReleaseStatus;
  rowCount: number;
  rowsFrozen: number;
  rowsExpected: number | null;
  error: string | null;
  changelog: ReleaseChangelog | null;
  notes: string;
  requestedAt: Date;
  publishedAt: Date;
  publishedByName: string | null;
};

const statusTone = { queued: "neutral", publishing: "blue", published: "green", failed: "red" } as const;

/** Every release, newest first: published ones with what changed, others with their progress or error and a retry. */
export function ReleasesTable({ projectId, datasetId, releases, canPublish }: { projectId: string; datasetId: string; releases: Release[]; canPublish: boolean }) {
  const retry = useRetryRelease();
  return (
    <Card>
      <CardHeader title="Releases" description="Published releases never change; pull any of them by number. Big releases publish in the background." />
      {releases.length === 0 ? (
        <p className="px-5 py-6 text-sm text-zinc-500">No releases yet. Publishing freezes the rows above as release 1.</p>
      ) : (
        <Table aria-label="Releases">
          <thead>
            <tr>
              <Th>Release</Th>
              <Th>Status</Th>
              <Th className="text-right">Rows</Th>
              <Th>Changes</Th>
              <Th>Requested</Th>
            </tr>
          </thead>
          <tbody className="divide-y divide-zinc-100">
            {releases.map((release) => (
              <tr key={release.number}>
                <Td className="font-medium text-zinc-900">
                  r{release.number}
                  {release.notes && (
                    <span className="mt-0.5 line-clamp-2 text-xs font-normal break-words text-zinc-500" title={release.notes}>
                      {release.notes}
                    </span>
                  )}
                </Td>
                <Td>
                  <Badge tone={statusTone[release.status]}>{release.status}</Badge>
                  {(release.status === "queued" || release.status === "publishing") && (
                    <div className="mt-2">
                      <ReleaseProgress number={release.number} status={release.status} rowsFrozen={release.rowsFrozen} rowsExpected={release.rowsExpected} />
                    </div>
                  )}
                  {release.status === "failed" && (
                    <div className="mt-2 max-w-xs space-y-2">
                      <p className="text-xs break-words text-red-700">{release.error}</p>
                      {canPublish && (
                        <Button size="sm" variant="secondary" isBusy={retry.isPending} onClick={() => retry.mutate({ projectId, datasetId, release: release.number })}>
                          Retry release {release.number}
                        </Button>
                      )}
                      {retry.error && <p className="text-xs text-red-700">{errorMessage(retry.error)}</p>}
                    </div>
                  )}
                </Td>
                <Td className="text-right tabular-nums">{release.status === "published" ? release.rowCount.toLocaleString() : "—"}</Td>
                <Td>{release.changelog ? <ChangelogCounts changelog={release.changelog} /> : <span className="text-xs text-zinc-500">once published</span>}</Td>
                <Td>
                  <DateTime value={release.status === "published" ? release.publishedAt : release.requestedAt} canWrap />
                  <span className="block text-xs text-zinc-500">by {release.publishedByName ?? "an API key, the CLI or a removed user"}</span>
                </Td>
              </tr>
            ))}
          </tbody>
        </Table>
      )}
    </Card>
  );
}
