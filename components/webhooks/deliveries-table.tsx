"use client";

import Link from "next/link";
import { useState } from "react";
import { Card, CardHeader } from "@/components/ui/card";
import { DateTime } from "@/components/ui/date-time";
import { EmptyState } from "@/components/ui/empty-state";
import { SelectField } from "@/components/ui/field";
import { Table, Td, Th } from "@/components/ui/table";
import { WEBHOOK_DELIVERY_STATES, type WebhookDeliveryState } from "@/server/webhooks/schema";
import { DeliveryStateBadge } from "./state-badge";
import { Button } from "@/components/ui/button";
import { DELIVERY_PAGE_SIZE, useWebhookDeliveries } from "./use-webhooks";

/** The delivery log of one endpoint, newest first, refreshing while anything is still on its way. */
export function DeliveriesTable({ projectId, slug, endpointId }: { projectId: string; slug: string; endpointId: string }) {
  const [state, setState] = useState<WebhookDeliveryState | undefined>(undefined);
  // Older pages start after the last delivery shown; undefined is the newest page.
  const [afterDeliveryId, setAfterDeliveryId] = useState<string | undefined>(undefined);
  const deliveries = useWebhookDeliveries(projectId, endpointId, { state, afterDeliveryId });
  const filter = (
    <div className="w-48">
      <SelectField
        label="Show"
        value={state ?? ""}
        onChange={(event) => {
          setState((event.target.value || undefined) as WebhookDeliveryState | undefined);
          setAfterDeliveryId(undefined);
        }}
      >
        <option value="">every delivery</option>
        {WEBHOOK_DELIVERY_STATES.map((option) => (
          <option key={option} value={option}>
            {option}
          </option>
        ))}
      </SelectField>
    </div>
  );
  const rows = deliveries.data ?? [];
  return (
    <Card>
      <CardHeader title="Delivery log" description="Every event sent to this endpoint, with each attempt's status, latency and the start of the response." action={filter} />
      {deliveries.isPending ? (
        <p className="px-6 py-8 text-sm text-zinc-500">Loading deliveries…</p>
      ) : rows.length === 0 ? (
        <div className="p-6">
          <EmptyState title={state ? `No ${state} deliveries` : "Nothing sent yet"}>
            Send a test event to check your receiver verifies signatures and answers 2xx; real events appear here as they happen.
          </EmptyState>
        </div>
      ) : (
        <Table aria-label="Deliveries">
          <thead>
            <tr>
              <Th>Event</Th>
              <Th>State</Th>
              <Th>Attempts</Th>
              <Th>Last answer</Th>
              <Th>Created</Th>
            </tr>
          </thead>
          <tbody className="divide-y divide-zinc-100">
            {rows.map((delivery) => (
              <tr key={delivery.id}>
                <Td>
                  <Link href={`/p/${slug}/webhooks/${endpointId}/deliveries/${delivery.id}`} className="font-mono text-xs font-medium text-zinc-900 hover:underline">
                    {delivery.eventType}
                  </Link>
                  {delivery.replayOf && <span className="ml-2 text-xs text-zinc-500">replay</span>}
                </Td>
                <Td>
                  <DeliveryStateBadge state={delivery.state} attemptCount={delivery.attemptCount} />
                </Td>
                <Td className="tabular-nums">{delivery.attemptCount}</Td>
                <Td className="text-zinc-600">
                  {delivery.lastStatus ?? delivery.lastError ?? "—"}
                  {delivery.state === "pending" && delivery.attemptCount > 0 && (
                    <span className="block text-xs text-zinc-500">
                      next try <DateTime value={delivery.nextAttemptAt} />
                    </span>
                  )}
                </Td>
                <Td className="text-zinc-500">
                  <DateTime value={delivery.createdAt} />
                </Td>
              </tr>
            ))}
          </tbody>
        </Table>
      )}
      {(afterDeliveryId || rows.length === DELIVERY_PAGE_SIZE) && (
        <div className="flex justify-end gap-2 border-t border-zinc-100 px-6 py-3">
          {afterDeliveryId && (
            <Button size="sm" variant="ghost" onClick={() => setAfterDeliveryId(undefined)}>
              Newest
            </Button>
          )}
          {rows.length === DELIVERY_PAGE_SIZE && (
            <Button size="sm" variant="secondary" onClick={() => setAfterDeliveryId(rows[rows.length - 1]!.id)}>
              Older deliveries
            </Button>
          )}
        </div>
      )}
    </Card>
  );
}
