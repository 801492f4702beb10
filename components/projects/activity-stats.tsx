import Link from "next/link";
import type { ReactNode } from "react";
import { cn } from "@/components/ui/cn";
import { DateTime } from "@/components/ui/date-time";
import { hasAnyRole, type ProjectRole } from "@/server/auth/roles";
import type { useProjectActivity } from "./use-project-activity";

type Activity = ReturnType<typeof useProjectActivity>;
type Stat = { label: string; value: string; detail: ReactNode; href?: string };

const formatCount = (count: number) => count.toLocaleString("en");

function buildStats(activity: Activity, base: string, role: ProjectRole): Stat[] {
  const { totals, latestRelease } = activity;
  return [
    { label: "Outputs", value: formatCount(totals.outputs), detail: `${formatCount(totals.queuedItems)} sampled into queues` },
    { label: "Waiting for review", value: formatCount(totals.waitingItems), detail: "pending or being reviewed", href: `${base}/queues` },
    {
      label: "Open conflicts",
      value: formatCount(totals.openConflicts),
      detail: totals.openConflicts > 0 ? "need a lead's decision" : "none to resolve",
      href: hasAnyRole(role, ["lead", "admin"]) ? `${base}/conflicts` : undefined,
    },
    { label: "Gold labels", value: formatCount(totals.goldLabels), detail: "current, across all queues" },
    {
      label: "Latest release",
      // Releases are "r<n>" on every dataset page too.
      value: latestRelease ? `r${latestRelease.number}` : "None yet",
      detail: latestRelease ? (
        <>
          {latestRelease.datasetName} · <DateTime value={latestRelease.publishedAt} style="date" />
        </>
      ) : (
        "publish a dataset to freeze gold"
      ),
      href: hasAnyRole(role, ["lead", "ml"]) ? `${base}/datasets` : undefined,
    },
  ];
}

/** The loop's totals as a row of tiles; tiles the member can act on link to where they act. */
export function ActivityStats({ activity, base, role }: { activity: Activity; base: string; role: ProjectRole }) {
  return (
    <ul aria-label="Project totals" className="grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-5">
      {buildStats(activity, base, role).map((stat) => {
        const body = (
          <>
            <span className="block text-sm text-zinc-500">{stat.label}</span>
            <span className="mt-1 block text-2xl font-semibold text-zinc-900 tabular-nums">{stat.value}</span>
            <span className="mt-1 block text-xs text-zinc-500">{stat.detail}</span>
          </>
        );
        const tile = "block h-full rounded-xl bg-white px-4 py-3 shadow-xs ring-1 ring-zinc-200";
        return (
          <li key={stat.label}>
            {stat.href ? (
              <Link href={stat.href} className={cn(tile, "hover:ring-zinc-400")}>
                {body}
              </Link>
            ) : (
              <div className={tile}>{body}</div>
            )}
          </li>
        );
      })}
    </ul>
  );
}
