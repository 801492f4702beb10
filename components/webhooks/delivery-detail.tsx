"use client";

import Link from "next/link";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardHeader } from "@/components/ui/card";
import { DateTime } from "@/components/ui/date-time";
import { errorMessage } from "@/components/ui/form-errors";
import { PageHeader } from "@/components/ui/page-header";
import { Table, Td, Th } from "@/components/ui/table";
import { DeliveryStateBadge } from "./state-badge";
import { useWebhookDelivery } from "./use-webhooks";

/** One delivery: the body and webhook-id it sends, and every attempt with what the receiver answered. */
export function DeliveryDetail({ projectId, slug, endpointId, deliveryId }: { projectId: string; slug: string; endpointId: string; deliveryId: string }) {
  const { delivery, replay } = useWebhookDelivery(projectId, deliveryId);
  const base = `/p/${slug}/webhooks/${endpointId}`;
  return (
    <>
      <nav aria-label="Breadcrumb" className="mb-2 text-sm text-zinc-500">
        <Link href={`/p/${slug}/webhooks`} className="hover:text-zinc-800 hover:underline">
          Webhooks
        </Link>{" "}
        /{" "}
        <Link href={base} className="hover:text-zinc-800 hover:underline">
          Endpoint
        </Link>{" "}
        / <span className="text-zinc-800">Delivery</span>
      </nav>
      <PageHeader
        title={delivery.eventType}
        description={
          <>
            <span className="font-mono text-xs">webhook-id: {delivery.webhookId}</span> · created <DateTime value={delivery.createdAt} />
          </>
        }
        action={
          <Button variant="secondary" isBusy={replay.isPending} onClick={() => replay.mutate({ projectId, deliveryId })}>
            Replay
          </Button>
        }
      />
      <div className="mb-6 space-y-3">
        <p className="flex items-center gap-2 text-sm text-zinc-700">
          <DeliveryStateBadge state={delivery.state} attemptCount={delivery.attemptCount} />
          {delivery.state === "pending" && delivery.attemptCount > 0 && (
            <span>
              next attempt <DateTime value={delivery.nextAttemptAt} />
            </span>
          )}
          {delivery.replayOf && <Badge>replay</Badge>}
        </p>
        {replay.data && (
          <Alert tone="success">
            Replay queued.{" "}
            <Link href={`${base}/deliveries/${replay.data.deliveryId}`} className="font-medium underline">
              Follow it
            </Link>
          </Alert>
        )}
        {errorMessage(replay.error) && <Alert tone="error">{errorMessage(replay.error)}</Alert>}
      </div>
      <Card className="mb-6">
        <CardHeader title="Attempts" description="A failed attempt is retried after growing waits (by default 5 s, 5 min, 30 min, 2 h, 5 h, 10 h, 10 h), then given up." />
        {delivery.attempts.length === 0 ? (
          <p className="px-6 py-6 text-sm text-zinc-500">No attempt yet: it goes out within seconds.</p>
        ) : (
          <Table aria-label="Attempts">
            <thead>
              <tr>
                <Th>#</Th>
                <Th>Answer</Th>
                <Th>Latency</Th>
                <Th>Response</Th>
                <Th>When</Th>
              </tr>
            </thead>
            <tbody className="divide-y divide-zinc-100">
              {delivery.attempts.map((attempt) => (
                <tr key={attempt.id}>
                  <Td className="tabular-nums">{attempt.attempt}</Td>
                  <Td>
                    <Badge tone={attempt.isSuccess ? "green" : "red"}>{attempt.statusCode ?? "no answer"}</Badge>
                    {attempt.error && attempt.error !== `HTTP ${attempt.statusCode}` && <span className="block text-xs text-red-700">{attempt.error}</span>}
                  </Td>
                  <Td className="tabular-nums">{attempt.latencyMs} ms</Td>
                  <Td>
                    <pre className="max-h-24 max-w-md overflow-auto text-xs whitespace-pre-wrap text-zinc-600">{attempt.responseExcerpt || "—"}</pre>
                  </Td>
                  <Td className="text-zinc-500">
                    <DateTime value={attempt.createdAt} />
                  </Td>
                </tr>
              ))}
            </tbody>
          </Table>
        )}
      </Card>
      <Card>
        <CardHeader title="Body" description="Exactly what is signed and sent, the same on every attempt." />
        <pre aria-label="Body" className="overflow-auto px-6 pb-6 text-xs text-zinc-800">
          {JSON.stringify(JSON.parse(delivery.payload), null, 2)}
        </pre>
      </Card>
    </>
  );
}
