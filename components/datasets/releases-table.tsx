import { Card, CardHeader } from "@/components/ui/card";
import { DateTime } from "@/components/ui/date-time";
import { Table, Td, Th } from "@/components/ui/table";
import type { ReleaseChangelog } from "@/server/datasets/schema";
import { ChangelogCounts } from "./changelog-counts";

type Release = { number: number; rowCount: number; changelog: ReleaseChangelog; notes: string; publishedAt: Date; publishedByName: string | null };

/** Every published release, newest first, with what changed since the one before. */
export function ReleasesTable({ releases }: { releases: Release[] }) {
  return (
    <Card>
      <CardHeader title="Releases" description="Published releases never change; pull any of them by number." />
      {releases.length === 0 ? (
        <p className="px-5 py-6 text-sm text-zinc-500">No releases yet. Publishing freezes the rows above as release 1.</p>
      ) : (
        <Table aria-label="Releases">
          <thead>
            <tr>
              <Th>Release</Th>
              <Th className="text-right">Rows</Th>
              <Th>Changes</Th>
              <Th>Published</Th>
            </tr>
          </thead>
          <tbody className="divide-y divide-zinc-100">
            {releases.map((release) => (
              <tr key={release.number}>
                <Td className="font-medium text-zinc-900">
                  r{release.number}
                  {release.notes && <span className="mt-0.5 line-clamp-2 text-xs font-normal break-words text-zinc-500" title={release.notes}>{release.notes}</span>}
                </Td>
                <Td className="text-right tabular-nums">{release.rowCount.toLocaleString()}</Td>
                <Td>
                  <ChangelogCounts changelog={release.changelog} />
                </Td>
                <Td>
                  <DateTime value={release.publishedAt} />
                  <span className="block text-xs text-zinc-500">by {release.publishedByName ?? "a removed user"}</span>
                </Td>
              </tr>
            ))}
          </tbody>
        </Table>
      )}
    </Card>
  );
}
