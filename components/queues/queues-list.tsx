"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useShortcuts } from "@/components/shell/use-shortcuts";
import { EmptyState } from "@/components/ui/empty-state";
import { Kbd } from "@/components/ui/kbd";
import { PageHeader } from "@/components/ui/page-header";
import { ArchivedQueuesCard } from "./archived-queues-card";
import { IngestHint } from "./ingest-hint";
import { MyItemsCard } from "./my-items-card";
import { QueueCard } from "./queue-card";
import { useQueues } from "./use-queues";

type QueuesListProps = {
  projectId: string;
  slug: string;
  publicUrl: string;
  canManage: boolean;
  canReview: boolean;
  isAnnotator: boolean;
  /** The name of the queue the lead just archived (the archive button lands here), to confirm it. */
  justArchived: string | null;
};

const newQueueClass = "inline-flex h-10 items-center gap-2 rounded-md bg-zinc-900 px-4 text-sm font-medium text-white hover:bg-zinc-700";

/** The queues page: every queue with its progress, the way into review, and what happened to my items. */
export function QueuesList({ projectId, slug, publicUrl, canManage, canReview, isAnnotator, justArchived }: QueuesListProps) {
  const queues = useQueues(projectId);
  const router = useRouter();
  const base = `/p/${slug}`;
  const nextQueue = canReview ? queues.find((queue) => queue.mine.available > 0) : undefined;
  useShortcuts([
    ...(canManage ? [{ keys: ["n"], label: "New queue", run: () => router.push(`${base}/queues/new`) }] : []),
    ...(nextQueue ? [{ keys: ["r"], label: "Start reviewing", run: () => router.push(`${base}/queues/${nextQueue.id}/review`) }] : []),
  ]);
  const newQueue = canManage ? (
    <Link href={`${base}/queues/new`} className={newQueueClass}>
      New queue <Kbd>n</Kbd>
    </Link>
  ) : undefined;

  return (
    <>
      <PageHeader
        title="Queues"
        description="Each queue samples production outputs by a rule and asks several people to label and correct every item it takes."
        action={queues.length > 0 ? newQueue : undefined}
      />
      <div className="space-y-6">
        {queues.length === 0 ? (
          <EmptyState
            title="No queues yet"
            action={
              canManage ? (
                <Link href={`${base}/queues/new`} className={newQueueClass}>
                  Create your first queue <Kbd>n</Kbd>
                </Link>
              ) : undefined
            }
          >
            <p className="mb-4">
              A queue picks the outputs worth a human look (say, 5% of one model&apos;s answers plus every thumbs-down) and asks k annotators to
              label and correct each one. Agreement becomes gold; disagreement goes to a lead.
            </p>
            <IngestHint publicUrl={publicUrl} />
            {!canManage && <p className="mt-4">A lead or admin creates queues. Once one exists, your work appears here.</p>}
          </EmptyState>
        ) : (
          <ul className="space-y-4" aria-label="Queues">
            {queues.map((queue) => (
              <li key={queue.id}>
                <QueueCard queue={queue} base={base} canReview={canReview} shortcut={queue.id === nextQueue?.id ? "r" : undefined} />
              </li>
            ))}
          </ul>
        )}
        {canReview && <MyItemsCard projectId={projectId} base={base} isAlwaysShown={isAnnotator} />}
        {canManage && <ArchivedQueuesCard projectId={projectId} justArchived={justArchived} />}
      </div>
    </>
  );
}
