"use client";

import { useState, type FormEvent } from "react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { SelectField, TextField } from "@/components/ui/field";
import { errorMessage } from "@/components/ui/form-errors";
import { Table, Td, Th } from "@/components/ui/table";
import type { SplitName } from "@/server/datasets/schema";
import { formatLabel, previewText } from "./label-text";
import { Pager } from "./release-changes";
import { useReleaseRows } from "./use-datasets";

type Change = "added" | "relabelled" | "unchanged";
export type LabelOption = { value: string; title: string };

const changeTone = { added: "green", relabelled: "gold", unchanged: "neutral" } as const;

/** A published release's rows, a page at a time, filtered by split, label, change since the previous release and text. */
export function ReleaseRows({ projectId, datasetId, release, labelOptions }: { projectId: string; datasetId: string; release: number; labelOptions: LabelOption[] }) {
  const [split, setSplit] = useState<SplitName | undefined>(undefined);
  const [label, setLabel] = useState<string | undefined>(undefined);
  const [change, setChange] = useState<Change | undefined>(undefined);
  const [searchText, setSearchText] = useState("");
  const [search, setSearch] = useState<string | undefined>(undefined);
  const [page, setPage] = useState(1);
  const rows = useReleaseRows({ projectId, datasetId, release, split, label, change, search, page });
  const data = rows.data;
  const lastPage = data ? Math.max(1, Math.ceil(data.total / data.pageSize)) : 1;
  const filtered = <T,>(set: (value: T) => void) => (value: T) => {
    set(value);
    setPage(1);
  };

  function submitSearch(event: FormEvent) {
    event.preventDefault();
    filtered(setSearch)(searchText.trim() || undefined);
  }

  return (
    <div className="space-y-3">
      <div className="grid gap-3 px-5 sm:grid-cols-3">
        <SelectField label="Split" value={split ?? ""} onChange={(event) => filtered(setSplit)(event.target.value === "" ? undefined : (event.target.value as SplitName))}>
          <option value="">Every split</option>
          <option value="train">Train</option>
          <option value="validation">Validation</option>
          <option value="test">Test</option>
        </SelectField>
        <SelectField label="Label" value={label ?? ""} onChange={(event) => filtered(setLabel)(event.target.value === "" ? undefined : event.target.value)}>
          <option value="">Any label</option>
          {labelOptions.map((option) => (
            <option key={option.value} value={option.value}>
              {option.title}
            </option>
          ))}
        </SelectField>
        <SelectField label="Change" value={change ?? ""} onChange={(event) => filtered(setChange)(event.target.value === "" ? undefined : (event.target.value as Change))}>
          <option value="">Any</option>
          <option value="added">Added</option>
          <option value="relabelled">Relabelled</option>
          <option value="unchanged">Unchanged</option>
        </SelectField>
      </div>
      <form onSubmit={submitSearch} role="search" className="flex items-end gap-2 px-5">
        <div className="flex-1">
          <TextField label="Search rows" placeholder="External id, input, output or correction" value={searchText} onChange={(event) => setSearchText(event.target.value)} />
        </div>
        <Button type="submit" variant="secondary">
          Search
        </Button>
      </form>
      {!data && !rows.error && <p className="px-5 py-4 text-sm text-zinc-500">Loading rows…</p>}
      {rows.error && <p className="px-5 text-sm text-red-700">{errorMessage(rows.error)}</p>}
      {data && data.rows.length === 0 && <p className="px-5 py-4 text-sm text-zinc-500">No rows match these filters.</p>}
      {data && data.rows.length > 0 && (
        <Table aria-label="Release rows">
          <thead>
            <tr>
              <Th>Row</Th>
              <Th>Split</Th>
              <Th>Label</Th>
              <Th>Assistant text</Th>
              <Th>Change</Th>
            </tr>
          </thead>
          <tbody className="divide-y divide-zinc-100">
            {data.rows.map((row) => (
              <tr key={row.position}>
                <Td className="font-mono text-xs text-zinc-900">
                  {row.externalId}
                  {row.queueName && <span className="block font-sans text-zinc-500">{row.queueName}</span>}
                </Td>
                <Td>{row.split}</Td>
                <Td className="text-xs">
                  {formatLabel(row.label)}
                  <span className="block text-zinc-500">
                    {row.method}, {row.confidence.toFixed(2)}
                  </span>
                </Td>
                <Td className="max-w-md text-xs">
                  {previewText(row.correction ?? row.output)}
                  <span className="block text-zinc-500">{row.correction === null ? "original output" : "gold correction"}</span>
                </Td>
                <Td>
                  <Badge tone={changeTone[row.change]}>{row.change}</Badge>
                  {row.change === "relabelled" && row.previousLabel !== null && <span className="mt-1 block text-xs text-zinc-500">was {formatLabel(row.previousLabel)}</span>}
                </Td>
              </tr>
            ))}
          </tbody>
        </Table>
      )}
      <Pager page={page} lastPage={lastPage} total={data?.total ?? 0} onPage={setPage} label="rows" />
    </div>
  );
}
