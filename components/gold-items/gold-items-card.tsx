"use client";

import Link from "next/link";
import { useState } from "react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardHeader } from "@/components/ui/card";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { DateTime } from "@/components/ui/date-time";
import { EmptyState } from "@/components/ui/empty-state";
import { errorMessage } from "@/components/ui/form-errors";
import { countOf } from "@/components/ui/plural";
import { Table, Td, Th } from "@/components/ui/table";
import { formatPercent } from "./format";
import { useRetireGoldItem, type GoldItemRow } from "./use-gold-items";

function describeExpected(values: Record<string, string>): string {
  return Object.values(values).join(", ");
}

/** The queue's gold items, active first, with how annotators did on each; leads retire them here. */
export function GoldItemsCard({ projectId, slug, items }: { projectId: string; slug: string; items: readonly GoldItemRow[] }) {
  const [retiring, setRetiring] = useState<GoldItemRow | null>(null);
  const retire = useRetireGoldItem();
  const active = items.filter((item) => item.retiredAt === null).length;
  const close = () => {
    retire.reset();
    setRetiring(null);
  };
  return (
    <Card>
      <CardHeader title="Gold items" description={`${countOf(active, "active gold check")}${items.length > active ? `, ${items.length - active} retired` : ""}. Annotators never see which items these are.`} />
      {items.length === 0 ? (
        <div className="p-5">
          <EmptyState title="No gold checks yet">
            Gold checks are items whose answer you already know. Add the most confident gold labels with <strong>Add from gold</strong>, upload{" "}
            <code className="font-mono">item,label</code> lines with <strong>Import CSV</strong>, or open a resolved item and choose <strong>Use as gold check</strong>. Then
            set a gold-check rate in the queue&apos;s settings so they are mixed into annotators&apos; work.
          </EmptyState>
        </div>
      ) : (
        <Table aria-label="Gold items">
          <thead>
            <tr>
              <Th>Item</Th>
              <Th>Expected</Th>
              <Th>Source</Th>
              <Th className="text-right">Answered right</Th>
              <Th>Added</Th>
              <Th>
                <span className="sr-only">Actions</span>
              </Th>
            </tr>
          </thead>
          <tbody className="divide-y divide-zinc-100">
            {items.map((item) => (
              <tr key={item.id} className={item.retiredAt ? "text-zinc-500" : undefined}>
                <Td>
                  <Link href={`/p/${slug}/items/${item.queueItemId}`} className="font-mono text-xs text-zinc-900 hover:underline">
                    {item.externalId}
                  </Link>
                </Td>
                <Td className="font-mono text-xs">{describeExpected(item.expectedValues)}</Td>
                <Td>
                  <Badge tone={item.source === "csv" ? "blue" : "gold"}>{item.source === "csv" ? "CSV" : "Gold"}</Badge>
                </Td>
                <Td className="text-right tabular-nums">{item.answers === 0 ? <span className="text-zinc-500">not served yet</span> : `${item.correct} of ${item.answers} (${formatPercent(item.correct / item.answers)})`}</Td>
                <Td className="text-xs">
                  <DateTime value={item.createdAt} style="date" />
                  {item.createdByName && <div className="text-zinc-500">by {item.createdByName}</div>}
                </Td>
                <Td className="text-right">
                  {item.retiredAt ? (
                    <span className="text-xs">
                      Retired <DateTime value={item.retiredAt} style="date" />
                    </span>
                  ) : (
                    <Button size="sm" variant="ghost" onClick={() => setRetiring(item)} aria-label={`Retire gold check ${item.externalId}`}>
                      Retire
                    </Button>
                  )}
                </Td>
              </tr>
            ))}
          </tbody>
        </Table>
      )}
      <ConfirmDialog
        isOpen={retiring !== null}
        title="Retire this gold check?"
        body={`${retiring?.externalId ?? ""} will no longer be served as a gold check. Answers already given keep counting toward accuracy.`}
        confirmLabel="Retire"
        isBusy={retire.isPending}
        error={errorMessage(retire.error)}
        onConfirm={() => retiring && retire.mutate({ projectId, goldItemId: retiring.id }, { onSuccess: close })}
        onClose={close}
      />
    </Card>
  );
}
