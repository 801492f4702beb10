"use client";

import Link from "next/link";
import { useState } from "react";
import { Card, CardHeader } from "@/components/ui/card";
import { cn } from "@/components/ui/cn";
import { DateTime } from "@/components/ui/date-time";
import { EmptyState } from "@/components/ui/empty-state";
import { Table, Td, Th } from "@/components/ui/table";
import { AlertBadges } from "./alert-badges";
import { alertFilterLabels, alertFilters, countByFilter, filterOf, type AlertFilter } from "./alert-filters";
import { useAlertList } from "./use-alerts";
import { formatWindow } from "./window-format";

function FilterTabs({ value, counts, onChange }: { value: AlertFilter; counts: Record<AlertFilter, number>; onChange: (value: AlertFilter) => void }) {
  return (
    <div role="group" aria-label="Show alerts" className="flex flex-wrap gap-1 px-5 pt-4">
      {alertFilters.map((filter) => (
        <button
          key={filter}
          type="button"
          aria-pressed={value === filter}
          onClick={() => onChange(filter)}
          className={cn("rounded-md px-3 py-1.5 text-sm font-medium", value === filter ? "bg-zinc-900 text-white" : "text-zinc-600 ring-1 ring-zinc-200 hover:bg-zinc-50")}
        >
          {alertFilterLabels[filter]} <span className="tabular-nums opacity-70">{counts[filter]}</span>
        </button>
      ))}
    </div>
  );
}

/** The project's alerts by filter, each linking to its evidence; "Loop healthy" when nothing has ever fired. */
export function AlertsCard({ projectId, slug }: { projectId: string; slug: string }) {
  const alerts = useAlertList(projectId);
  const [filter, setFilter] = useState<AlertFilter>("open");
  const counts = countByFilter(alerts);
  const shown = alerts.filter((alert) => filterOf(alert) === filter);
  if (alerts.length === 0) {
    return (
      <EmptyState title="Loop healthy">
        No detector or threshold rule has fired. When one does, its alert shows here with its evidence, goes out as an{" "}
        <code className="rounded bg-zinc-100 px-1 text-xs">alert.raised</code> webhook, and gold pulls answer{" "}
        <code className="rounded bg-zinc-100 px-1 text-xs">X-Goldloop-Loop-Health: alerting</code> until it is resolved or snoozed.
      </EmptyState>
    );
  }
  return (
    <Card>
      <CardHeader title="Alerts" description="Acknowledge an alert to say someone is on it; it resolves itself once its condition has been clear for a few windows." />
      <FilterTabs value={filter} counts={counts} onChange={setFilter} />
      {shown.length === 0 ? (
        <p className="px-5 py-6 text-sm text-zinc-500">{filter === "open" ? "Loop healthy: no open alerts." : `No ${alertFilterLabels[filter].toLowerCase()} alerts.`}</p>
      ) : (
        <Table aria-label={`${alertFilterLabels[filter]} alerts`} className="mt-3">
          <thead>
            <tr>
              <Th>Alert</Th>
              <Th>Status</Th>
              <Th>Firing windows (UTC)</Th>
              <Th>Opened</Th>
            </tr>
          </thead>
          <tbody className="divide-y divide-zinc-100">
            {shown.map((alert) => (
              <tr key={alert.id}>
                <Td>
                  <Link href={`/p/${slug}/health/alerts/${alert.id}`} className="font-medium text-zinc-900 underline-offset-2 hover:underline">
                    {alert.title}
                  </Link>
                </Td>
                <Td>
                  <AlertBadges alert={alert} />
                </Td>
                <Td className="whitespace-nowrap">
                  {formatWindow(alert.firstWindow, alert.granularity)} – {formatWindow(alert.lastFiringWindow, alert.granularity)}
                </Td>
                <Td>
                  <DateTime value={alert.openedAt} />
                </Td>
              </tr>
            ))}
          </tbody>
        </Table>
      )}
    </Card>
  );
}
