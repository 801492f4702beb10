"use client";

import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { DateTime } from "@/components/ui/date-time";
import { Table, Td, Th } from "@/components/ui/table";
import { plainExcerpt } from "../plain-excerpt";
import type { ListedOutput } from "./use-outputs";

type SelectionProps = { selected: ReadonlySet<number>; onToggle: (id: number) => void; onToggleAll: () => void } | null;

/** One page of outputs: id, what was asked and answered, model, tags and signals, when. Rows are selectable when the viewer may queue them. */
export function OutputsTable({ outputs, detailHref, selection }: { outputs: ListedOutput[]; detailHref: (id: number) => string; selection: SelectionProps }) {
  const isAllSelected = selection !== null && outputs.length > 0 && outputs.every((output) => selection.selected.has(output.id));
  return (
    <Table aria-label="Outputs" className="table-fixed">
      <colgroup>
        {selection && <col className="w-10" />}
        <col />
        <col className="w-36" />
        <col className="w-44" />
        <col className="w-36" />
      </colgroup>
      <thead>
        <tr>
          {selection && (
            <Th>
              <input type="checkbox" aria-label="Select all outputs on this page" checked={isAllSelected} onChange={selection.onToggleAll} className="size-4 rounded border-zinc-300" />
            </Th>
          )}
          <Th>Output</Th>
          <Th>Model</Th>
          <Th>Tags and signals</Th>
          <Th>Produced</Th>
        </tr>
      </thead>
      <tbody className="divide-y divide-zinc-100">
        {outputs.map((output) => (
          <tr key={output.id} className={selection?.selected.has(output.id) ? "bg-gold-50/50" : undefined}>
            {selection && (
              <Td className="align-top">
                <input
                  type="checkbox"
                  aria-label={`Select ${output.externalId}`}
                  checked={selection.selected.has(output.id)}
                  onChange={() => selection.onToggle(output.id)}
                  className="size-4 rounded border-zinc-300"
                />
              </Td>
            )}
            <Td className="align-top">
              <Link href={detailHref(output.id)} className="block font-mono text-xs font-medium break-all text-zinc-900 underline-offset-2 hover:underline">
                {output.externalId}
              </Link>
              {output.inputPreview && <p className="mt-1 line-clamp-2 text-sm text-zinc-600">{plainExcerpt(output.inputPreview)}</p>}
              {output.outputPreview && <p className="mt-0.5 line-clamp-2 text-sm text-zinc-900">→ {plainExcerpt(output.outputPreview)}</p>}
            </Td>
            <Td className="align-top text-xs break-words">{output.model ?? <span className="text-zinc-500">none</span>}</Td>
            <Td className="align-top">
              <div className="flex flex-wrap gap-1">
                {!output.consent && <Badge tone="red">no consent</Badge>}
                {output.tags.map((tag) => (
                  <Badge key={tag} tone="blue">
                    {tag}
                  </Badge>
                ))}
                {output.signalKinds.map((kind) => (
                  <Badge key={kind} tone={kind === "thumbs_down" ? "red" : "neutral"}>
                    {kind.replace("_", " ")}
                  </Badge>
                ))}
                {output.sessionId && <Badge>thread</Badge>}
              </div>
            </Td>
            <Td className="align-top text-xs">
              <DateTime value={output.producedAt} canWrap />
            </Td>
          </tr>
        ))}
      </tbody>
    </Table>
  );
}
