"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { cn } from "@/components/ui/cn";
import { hasAnyRole, type ProjectRole } from "@/server/auth/roles";

/**
 * The queue's pages, each for the roles its page admits (`null`: every member); each page renders these tabs
 * under its header. Annotators see the overview and the estimates (shares of production, naming nobody): the others rank people or show which items are gold.
 */
const queueTabs: ReadonlyArray<{ label: string; path: string; roles: readonly ProjectRole[] | null; needs?: "choice" | "agreement" }> = [
  { label: "Overview", path: "", roles: null },
  { label: "Items", path: "/items", roles: ["lead"] },
  { label: "Estimates", path: "/estimates", roles: null, needs: "choice" },
  { label: "Agreement", path: "/agreement", roles: ["lead", "ml"], needs: "agreement" },
  { label: "Truth inference", path: "/inference", roles: ["lead", "ml"], needs: "choice" },
  { label: "Gold checks", path: "/gold-checks", roles: ["lead"], needs: "choice" },
];

type QueueTabsProps = { slug: string; queueId: string; role: ProjectRole; hasChoiceField?: boolean; hasAgreementField?: boolean };

/**
 * `hasChoiceField: false` hides the pages that measure a single-choice field (shares, truth inference, gold
 * checks); `hasAgreementField: false` hides agreement, for a queue with nothing it measures (free text only).
 */
export function QueueTabs({ slug, queueId, role, hasChoiceField = true, hasAgreementField = true }: QueueTabsProps) {
  const pathname = usePathname();
  const base = `/p/${slug}/queues/${queueId}`;
  const has = { choice: hasChoiceField, agreement: hasAgreementField };
  const visibleTabs = queueTabs.filter((tab) => (tab.roles === null || hasAnyRole(role, tab.roles)) && (tab.needs === undefined || has[tab.needs]));
  // A single tab is no navigation.
  if (visibleTabs.length < 2) return null;
  return (
    <nav aria-label="Queue sections" className="mb-6 flex gap-1 border-b border-zinc-200">
      {visibleTabs.map((tab) => {
        const href = `${base}${tab.path}`;
        const isActive = pathname === href;
        return (
          <Link
            key={tab.path}
            href={href}
            aria-current={isActive ? "page" : undefined}
            className={cn(
              "-mb-px border-b-2 px-3 py-2 text-sm whitespace-nowrap",
              isActive ? "border-gold-500 font-medium text-zinc-900" : "border-transparent text-zinc-500 hover:border-zinc-300 hover:text-zinc-800",
            )}
          >
            {tab.label}
          </Link>
        );
      })}
    </nav>
  );
}
