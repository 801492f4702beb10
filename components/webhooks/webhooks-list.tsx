"use client";

import Link from "next/link";
import { useState } from "react";
import { useShortcuts } from "@/components/shell/use-shortcuts";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardHeader } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { Kbd } from "@/components/ui/kbd";
import { Table, Td, Th } from "@/components/ui/table";
import { CreateEndpointDialog } from "./create-endpoint-dialog";
import { EndpointStateBadge } from "./state-badge";
import { useWebhookEndpoints } from "./use-webhooks";

/** The project's webhook endpoints, and adding one. */
export function WebhooksList({ projectId, slug }: { projectId: string; slug: string }) {
  const { endpoints } = useWebhookEndpoints(projectId);
  const [isCreating, setIsCreating] = useState(false);
  useShortcuts([{ keys: ["n"], label: "Add a webhook endpoint", run: () => setIsCreating(true) }]);
  const addButton = (
    <Button onClick={() => setIsCreating(true)} aria-keyshortcuts="n">
      Add endpoint
      <span aria-hidden>
        <Kbd>n</Kbd>
      </span>
    </Button>
  );
  return (
    <>
      {endpoints.length === 0 ? (
        <EmptyState title="No webhook endpoints yet" action={addButton}>
          Point Goldloop at your training pipeline and it POSTs a signed event when a release is published, when gold is created or revised, or when
          annotators disagree, so nobody has to poll.
        </EmptyState>
      ) : (
        <Card>
          <CardHeader title="Endpoints" description="Each request carries webhook-id, webhook-timestamp and webhook-signature (Standard Webhooks)." action={addButton} />
          <Table>
            <thead>
              <tr>
                <Th>URL</Th>
                <Th>Events</Th>
                <Th>State</Th>
              </tr>
            </thead>
            <tbody className="divide-y divide-zinc-100">
              {endpoints.map((endpoint) => (
                <tr key={endpoint.id}>
                  <Td>
                    <Link href={`/p/${slug}/webhooks/${endpoint.id}`} className="font-mono text-xs font-medium text-zinc-900 hover:underline">
                      {endpoint.url}
                    </Link>
                    {endpoint.description && <span className="block text-zinc-500">{endpoint.description}</span>}
                  </Td>
                  <Td>
                    <span className="flex flex-wrap gap-1">
                      {endpoint.eventTypes.map((type) => (
                        <Badge key={type} tone="blue">
                          {type}
                        </Badge>
                      ))}
                    </span>
                  </Td>
                  <Td>
                    <EndpointStateBadge isEnabled={endpoint.isEnabled} isFailing={endpoint.failingSince !== null} wasAutoDisabled={endpoint.isAutoDisabled} />
                  </Td>
                </tr>
              ))}
            </tbody>
          </Table>
        </Card>
      )}
      <CreateEndpointDialog projectId={projectId} slug={slug} isOpen={isCreating} onClose={() => setIsCreating(false)} />
    </>
  );
}
