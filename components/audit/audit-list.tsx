"use client";

import { useSuspenseQuery } from "@tanstack/react-query";
import { useTRPC } from "@/components/trpc/provider";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { Table, Td, Th } from "@/components/ui/table";

/** `{"role":"lead","from":"annotator"}` as `role: lead · from: annotator`. */
function describeDetails(data: unknown): string {
  if (!data || typeof data !== "object") return "";
  return Object.entries(data)
    .map(([key, value]) => `${key}: ${Array.isArray(value) ? value.join(", ") : String(value)}`)
    .join(" · ");
}

export function AuditList({ projectId }: { projectId: string }) {
  const trpc = useTRPC();
  const entries = useSuspenseQuery(trpc.audit.list.queryOptions({ projectId, limit: 100 })).data;
  if (entries.length === 0) {
    return <EmptyState title="No activity yet">Role changes, removals, invites, API keys and gold labels are recorded here, and cannot be edited.</EmptyState>;
  }
  return (
    <Card>
      <Table>
        <thead>
          <tr>
            <Th>When</Th>
            <Th>Who</Th>
            <Th>What</Th>
            <Th>Details</Th>
          </tr>
        </thead>
        <tbody className="divide-y divide-zinc-100">
          {entries.map((entry) => (
            <tr key={entry.id}>
              <Td className="whitespace-nowrap text-zinc-500">{entry.createdAt.toLocaleString()}</Td>
              <Td>{entry.actorName ?? (entry.actorApiKeyName ? `key ${entry.actorApiKeyName}` : "system")}</Td>
              <Td className="font-mono text-xs">{entry.action}</Td>
              <Td className="text-xs text-zinc-500">{describeDetails(entry.data)}</Td>
            </tr>
          ))}
        </tbody>
      </Table>
    </Card>
  );
}
