"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useRef } from "react";
import { useShortcuts } from "@/components/shell/use-shortcuts";
import { EmptyState } from "@/components/ui/empty-state";
import { Kbd } from "@/components/ui/kbd";
import { PageHeader } from "@/components/ui/page-header";
import { DistributionCard } from "./distribution-card";
import { QualityCard } from "./quality-card";
import { QueueFilter } from "./queue-filter";
import { StatTiles } from "./stat-tiles";
import { ThroughputCard } from "./throughput-card";
import { useAnnotatorAnalytics } from "./use-annotator-analytics";
import { useQueueFilter } from "./use-queue-filter";

type AnnotatorDetailProps = { projectId: string; slug: string; userId: string; initialQueueId: string | undefined; isOwnPage: boolean; canSeeEveryone: boolean };

/** One annotator's numbers: headline tiles, throughput per day, label distribution against the team, and quality per queue. */
export function AnnotatorDetail({ projectId, slug, userId, initialQueueId, isOwnPage, canSeeEveryone }: AnnotatorDetailProps) {
  const { queueId, isFiltering, choose } = useQueueFilter(initialQueueId);
  const analytics = useAnnotatorAnalytics(projectId, userId, queueId);
  const router = useRouter();
  const filter = useRef<HTMLSelectElement>(null);
  const listHref = `/p/${slug}/annotators`;
  useShortcuts([
    { keys: ["f"], label: "Filter by queue", run: () => filter.current?.focus() },
    ...(canSeeEveryone ? [{ keys: ["u"], label: "Back to all annotators", run: () => router.push(listHref) }] : []),
  ]);

  const name = analytics.annotator.name;
  const hasNothing = analytics.answers === 0 && analytics.skipped === 0 && !analytics.gold && !analytics.reliability;
  return (
    <div aria-busy={isFiltering || undefined}>
      {canSeeEveryone && (
        <nav aria-label="Breadcrumb" className="mb-2 text-sm text-zinc-500">
          <Link href={listHref} className="underline-offset-2 hover:underline">
            Annotators
          </Link>{" "}
          <Kbd>u</Kbd> / <span className="text-zinc-700">{name}</span>
        </nav>
      )}
      <PageHeader
        title={isOwnPage ? `Your work, ${name}` : name}
        description={
          isOwnPage
            ? analytics.coversUntil
              ? "Your own numbers up to the end of yesterday (UTC); today's answers join them tomorrow. Only counted answers are here: gold checks and decoys test the queue, not your pace."
              : "Your own numbers, the same ones your leads see. Only counted answers are here: gold checks and decoys test the queue, not your pace."
            : `${analytics.annotator.role} · counted answers only: gold checks and decoys are left out.`
        }
        action={<QueueFilter ref={filter} queues={analytics.queues} value={queueId} onChange={choose} />}
      />
      {hasNothing ? (
        <EmptyState
          title={queueId ? "Nothing answered in this queue yet" : "No answers yet"}
          action={
            <Link href={`/p/${slug}/queues`} className="text-sm font-medium text-gold-700 underline-offset-2 hover:underline">
              Go to the queues
            </Link>
          }
        >
          {isOwnPage ? "Open a queue and start reviewing; your answers show here from the next day (UTC)." : `${name} has not answered anything here yet.`} Answers per day, median time on an item, skip rate and the label
          mix against the team appear once there are answers; gold accuracy once gold checks are answered; reliability after the queue&apos;s first Dawid–Skene fit.
        </EmptyState>
      ) : (
        <div className="space-y-6">
          <StatTiles analytics={analytics} />
          <ThroughputCard series={analytics.throughput} windowDays={analytics.windowDays} />
          {analytics.distributions.length === 0 ? (
            <EmptyState title="No label distribution yet">A queue&apos;s label mix against the team appears once there are counted answers in it.</EmptyState>
          ) : (
            <section aria-label="Label distribution against the team" className="space-y-6">
              {analytics.distributions.map((distribution) => (
                <DistributionCard key={`${distribution.queueId}/${distribution.fieldKey}`} distribution={distribution} annotatorName={isOwnPage ? "You" : name} />
              ))}
            </section>
          )}
          <QualityCard analytics={analytics} />
        </div>
      )}
    </div>
  );
}
