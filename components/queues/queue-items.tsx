"use client";

import { useInfiniteQuery } from "@tanstack/react-query";
import Link from "next/link";
import { usePathname, useRouter } from "next/navigation";
import { plainExcerpt } from "@/components/outputs/plain-excerpt";
import { ItemStateBadge } from "@/components/resolution/item-state-badge";
import { useTRPC } from "@/components/trpc/provider";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { DateTime } from "@/components/ui/date-time";
import { EmptyState } from "@/components/ui/empty-state";
import { errorMessage } from "@/components/ui/form-errors";
import { Table, Td, Th } from "@/components/ui/table";
import { ToggleGroup } from "@/components/ui/toggle-group";
import { isPairwiseSchema, type LabelSchema, type QueueItemListState } from "@/server/queues/schema";
import { describeGold, itemStateFilters } from "./queue-items-wording";

const PAGE_SIZE = 50;

type QueueItemsProps = { projectId: string; slug: string; queueId: string; labelSchema: LabelSchema; state: QueueItemListState };

/** A queue's items for its lead, newest first, filtered by state, each linking to its history. */
export function QueueItems({ projectId, slug, queueId, labelSchema, state }: QueueItemsProps) {
  const trpc = useTRPC();
  const router = useRouter();
  const pathname = usePathname();
  const query = useInfiniteQuery(trpc.queues.items.infiniteQueryOptions({ projectId, queueId, state, limit: PAGE_SIZE }, { getNextPageParam: (page) => page.nextCursor }));
  const items = query.data?.pages.flatMap((page) => page.items) ?? [];
  const counts = query.data?.pages[0]?.stateCounts ?? {};
  const total = Object.values(counts).reduce((sum, count) => sum + count, 0);
  const choices = itemStateFilters.map((filter) => ({
    value: filter.value,
    label: query.data ? `${filter.label} ${filter.value === "all" ? total : (counts[filter.value] ?? 0)}` : filter.label,
  }));

  return (
    <div className="space-y-4">
      <ToggleGroup label="Show items" choices={choices} value={state} onChange={(next) => router.replace(next === "all" ? pathname : `${pathname}?state=${next}`)} />
      {query.isPending && <div role="status" aria-label="Loading items" className="h-64 animate-pulse rounded-xl bg-zinc-100" />}
      {query.isError && !query.data && <Alert tone="error" title="Could not load the items">{errorMessage(query.error)}</Alert>}
      {query.data && items.length === 0 && (
        <EmptyState title={state === "all" ? "No items yet" : "No items in this state"}>
          {state === "all"
            ? `Items arrive as ingested outputs match the queue's sampling rule${isPairwiseSchema(labelSchema) ? " and carry candidates (two or more outputs for one input, sent as candidates: [{ output, model }])" : ""}. Run a backfill from the queue's page to add outputs stored before the queue existed.`
            : "Pick another state above, or All to see every item."}
        </EmptyState>
      )}
      {items.length > 0 && (
        <Card>
          <Table aria-label="Queue items">
            <thead>
              <tr>
                <Th>Item</Th>
                <Th>Output</Th>
                <Th>State</Th>
                <Th className="text-right">Answers</Th>
                <Th>Gold</Th>
                <Th>Queued</Th>
              </tr>
            </thead>
            <tbody className="divide-y divide-zinc-100">
              {items.map((item) => (
                <tr key={item.id} className="align-top">
                  <Td>
                    <Link href={`/p/${slug}/items/${item.id}`} className="font-medium text-zinc-900 tabular-nums hover:underline" aria-label={`Item ${item.id}: history`}>
                      #{item.id}
                    </Link>
                  </Td>
                  <Td className="max-w-md">
                    <p className="line-clamp-2 text-zinc-800">{plainExcerpt(item.outputPreview ?? "") || <span className="text-zinc-500">(empty)</span>}</p>
                    <p className="mt-0.5 font-mono text-xs text-zinc-500">
                      {item.externalId}
                      {item.model && ` · ${item.model}`}
                      {item.isHoldout && " · holdout"}
                    </p>
                  </Td>
                  <Td>
                    <ItemStateBadge state={item.state} method={item.goldMethod} />
                    {item.state === "conflict" && item.conflictReasons.length > 0 && <p className="mt-1 max-w-48 text-xs text-zinc-500">{item.conflictReasons.join("; ")}</p>}
                  </Td>
                  <Td className="text-right tabular-nums">
                    {item.submittedCount} / {item.seats}
                  </Td>
                  <Td>{describeGold(labelSchema, item.goldValues)}</Td>
                  <Td className="whitespace-nowrap text-zinc-500">
                    <DateTime value={item.createdAt} />
                  </Td>
                </tr>
              ))}
            </tbody>
          </Table>
        </Card>
      )}
      {query.hasNextPage && (
        <div className="flex justify-center">
          <Button variant="secondary" size="sm" isBusy={query.isFetchingNextPage} onClick={() => void query.fetchNextPage()}>
            Load older items
          </Button>
        </div>
      )}
      {query.isFetchNextPageError && <Alert tone="error">Could not load older items. Check your connection and press Load older items again.</Alert>}
    </div>
  );
}
