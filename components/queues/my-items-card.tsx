"use client";

import Link from "next/link";
import { ItemStateBadge } from "@/components/resolution/item-state-badge";
import { Card, CardHeader } from "@/components/ui/card";
import { DateTime } from "@/components/ui/date-time";
import { Table, Td, Th } from "@/components/ui/table";
import { useMyItems } from "./use-queues";

/** Items I labelled that reached gold or conflict; conflicts link to the live adjudication. */
export function MyItemsCard({ projectId, base, isAlwaysShown }: { projectId: string; base: string; isAlwaysShown: boolean }) {
  const items = useMyItems(projectId);
  if (items.length === 0 && !isAlwaysShown) return null;
  return (
    <Card>
      <CardHeader
        title="My submitted items"
        description="Items you labelled that are now settled or in conflict. Open a conflict to watch the lead adjudicate it live."
      />
      {items.length === 0 ? (
        <p className="px-5 py-6 text-sm text-zinc-500">
          Nothing yet. When every reviewer has submitted on an item you labelled, it shows up here: resolved when you agreed, in conflict when a
          lead has to decide.
        </p>
      ) : (
        <Table>
          <thead>
            <tr>
              <Th>Output</Th>
              <Th>Queue</Th>
              <Th>State</Th>
              <Th>Submitted</Th>
              <Th className="text-right">
                <span className="sr-only">Actions</span>
              </Th>
            </tr>
          </thead>
          <tbody className="divide-y divide-zinc-100">
            {items.map((item) => (
              <tr key={item.queueItemId}>
                <Td className="font-mono text-xs text-zinc-900">{item.externalId}</Td>
                <Td>{item.queueName}</Td>
                <Td>
                  <ItemStateBadge state={item.itemState} />
                </Td>
                <Td className="text-zinc-500"><DateTime value={item.submittedAt} /></Td>
                <Td className="text-right">
                  <Link
                    href={`${base}/items/${item.queueItemId}`}
                    aria-label={`${item.itemState === "conflict" ? "Watch adjudication of" : "View"} ${item.externalId}`}
                    className="text-sm font-medium text-gold-700 hover:underline"
                  >
                    {item.itemState === "conflict" ? "Watch adjudication" : "View gold"}
                  </Link>
                </Td>
              </tr>
            ))}
          </tbody>
        </Table>
      )}
    </Card>
  );
}
