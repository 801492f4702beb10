"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { cn } from "@/components/ui/cn";

/** The queue's pages; each page renders these tabs under its header. */
const queueTabs = [
  { label: "Overview", path: "" },
  { label: "Agreement", path: "/agreement" },
  { label: "Truth inference", path: "/inference" },
  { label: "Gold checks", path: "/gold-checks" },
] as const;

export function QueueTabs({ slug, queueId }: { slug: string; queueId: string }) {
  const pathname = usePathname();
  const base = `/p/${slug}/queues/${queueId}`;
  return (
    <nav aria-label="Queue sections" className="mb-6 flex gap-1 border-b border-zinc-200">
      {queueTabs.map((tab) => {
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
