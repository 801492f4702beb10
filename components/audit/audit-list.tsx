"use client";

import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { DateTime } from "@/components/ui/date-time";
import { EmptyState } from "@/components/ui/empty-state";
import { Table, Td, Th } from "@/components/ui/table";
import { titleForAction } from "./audit-actions";
import { AuditDetails } from "./audit-details";
import { useAuditLog } from "./use-audit-log";

type Entry = ReturnType<typeof useAuditLog>["entries"][number];

function describeActor(entry: Entry): string {
  if (entry.actorName) return entry.actorName;
  return entry.actorApiKeyName ? `API key “${entry.actorApiKeyName}”` : "Goldloop";
}

/** The project's audit log, newest first, one page at a time. */
export function AuditList({ projectId }: { projectId: string }) {
  const log = useAuditLog(projectId);
  if (log.entries.length === 0) {
    return (
      <EmptyState title="No activity yet">
        Queues, datasets, releases, gold labels, role changes, removals, invites and API keys are recorded here as they happen, and cannot be
        edited.
      </EmptyState>
    );
  }
  return (
    <Card>
      <Table aria-label="Audit log" className="table-fixed">
        <colgroup>
          <col className="w-60" />
          <col />
        </colgroup>
        <thead>
          <tr>
            <Th>What, who and when</Th>
            <Th>Details</Th>
          </tr>
        </thead>
        <tbody className="divide-y divide-zinc-100">
          {log.entries.map((entry) => (
            <tr key={entry.id}>
              <Td className="align-top">
                <span className="block font-medium text-zinc-900">{titleForAction(entry.action)}</span>
                <span className="mt-0.5 block text-xs break-words text-zinc-700">{describeActor(entry)}</span>
                <span className="block text-xs text-zinc-500">
                  <DateTime value={entry.createdAt} />
                </span>
                <span className="mt-1 block font-mono text-[11px] break-all text-zinc-500">
                  {entry.action}
                  {entry.targetId && ` · ${entry.targetType} ${entry.targetId}`}
                </span>
              </Td>
              <Td className="align-top">
                <AuditDetails data={entry.data} />
              </Td>
            </tr>
          ))}
        </tbody>
      </Table>
      <div className="flex flex-wrap items-center justify-between gap-3 border-t border-zinc-100 px-5 py-3 text-sm text-zinc-500">
        <span role="status" className="tabular-nums">
          {log.hasOlder ? `Showing the latest ${log.entries.length.toLocaleString("en")} entries` : `All ${log.entries.length.toLocaleString("en")} entries: the log starts here`}
        </span>
        {log.hasOlder && (
          <Button variant="secondary" size="sm" isBusy={log.isLoadingOlder} onClick={log.loadOlder}>
            Load older entries
          </Button>
        )}
      </div>
      {log.loadOlderError && (
        <div className="px-5 pb-4">
          <Alert tone="error" title="Could not load older entries">
            Check your connection and press Load older entries again.
          </Alert>
        </div>
      )}
    </Card>
  );
}
