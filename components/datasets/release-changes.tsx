"use client";

import { useState } from "react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { SelectField } from "@/components/ui/field";
import { errorMessage } from "@/components/ui/form-errors";
import { Table, Td, Th } from "@/components/ui/table";
import { formatLabel } from "./label-text";
import { useReleaseChanges } from "./use-datasets";

type ChangeFilter = "added" | "removed" | "relabelled" | undefined;
const changeTone = { added: "green", removed: "red", relabelled: "gold" } as const;

/** Row by row, what a release changed since the previous published one: added, removed, and relabelled as before → after. */
export function ReleaseChanges({ projectId, datasetId, release }: { projectId: string; datasetId: string; release: number }) {
  const [change, setChange] = useState<ChangeFilter>(undefined);
  const [page, setPage] = useState(1);
  const changes = useReleaseChanges({ projectId, datasetId, release, change, page });
  const data = changes.data;
  const lastPage = data ? Math.max(1, Math.ceil(data.total / data.pageSize)) : 1;
  return (
    <div className="space-y-3">
      <div className="flex flex-wrap items-end justify-between gap-3 px-5">
        <p className="text-sm text-zinc-500">
          {!data ? "Comparing with the previous release…" : data.previousNumber ? `Compared with release ${data.previousNumber}.` : "The first published release: every row is added."}
        </p>
        <div className="w-48">
          <SelectField
            label="Show"
            value={change ?? ""}
            onChange={(event) => {
              setChange(event.target.value === "" ? undefined : (event.target.value as ChangeFilter));
              setPage(1);
            }}
          >
            <option value="">Every change</option>
            <option value="added">Added</option>
            <option value="removed">Removed</option>
            <option value="relabelled">Relabelled</option>
          </SelectField>
        </div>
      </div>
      {changes.error && <p className="px-5 text-sm text-red-700">{errorMessage(changes.error)}</p>}
      {data && data.rows.length === 0 && <p className="px-5 py-4 text-sm text-zinc-500">No {change ?? "changes"} in this release.</p>}
      {data && data.rows.length > 0 && (
        <Table aria-label="Changes since the previous release">
          <thead>
            <tr>
              <Th>Row</Th>
              <Th>Change</Th>
              <Th>Before</Th>
              <Th>After</Th>
            </tr>
          </thead>
          <tbody className="divide-y divide-zinc-100">
            {data.rows.map((row) => (
              <tr key={`${row.queueId}-${row.outputId}`}>
                <Td className="font-mono text-xs text-zinc-900">{row.externalId}</Td>
                <Td>
                  <Badge tone={changeTone[row.change]}>{row.change}</Badge>
                </Td>
                <Td className="text-xs">
                  {row.before ? formatLabel(row.before.label) : "—"}
                  {row.before?.correction && <span className="block text-zinc-500">corrected</span>}
                </Td>
                <Td className="text-xs">
                  {row.after ? (
                    <>
                      <span aria-hidden>→ </span>
                      {formatLabel(row.after.label)}
                      {row.after.correction !== (row.before?.correction ?? null) && row.after.correction && (
                        <span className="mt-0.5 block max-w-md truncate text-zinc-500" title={row.after.correction}>
                          correction: {row.after.correction}
                        </span>
                      )}
                    </>
                  ) : (
                    "removed"
                  )}
                </Td>
              </tr>
            ))}
          </tbody>
        </Table>
      )}
      <Pager page={page} lastPage={lastPage} total={data?.total ?? 0} onPage={setPage} label="changes" />
    </div>
  );
}

/** Previous / next with where the list is, for any paged table of the release explorer. */
export function Pager({ page, lastPage, total, onPage, label }: { page: number; lastPage: number; total: number; onPage: (page: number) => void; label: string }) {
  if (total === 0) return null;
  return (
    <nav aria-label={`Pages of ${label}`} className="flex items-center justify-end gap-3 px-5 pb-4 text-sm text-zinc-500">
      <span className="tabular-nums">
        Page {page} of {lastPage} · {total.toLocaleString("en")} {label}
      </span>
      <Button size="sm" variant="secondary" disabled={page <= 1} onClick={() => onPage(page - 1)}>
        Previous
      </Button>
      <Button size="sm" variant="secondary" disabled={page >= lastPage} onClick={() => onPage(page + 1)}>
        Next
      </Button>
    </nav>
  );
}
