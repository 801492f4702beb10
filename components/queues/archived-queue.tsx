"use client";

import { useRouter } from "next/navigation";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { DateTime } from "@/components/ui/date-time";
import { errorMessage } from "@/components/ui/form-errors";
import { PageHeader } from "@/components/ui/page-header";
import { QueueBreadcrumb } from "./queue-breadcrumb";
import { useRestoreQueue } from "./use-queues";

type ArchivedQueueProps = { projectId: string; slug: string; queue: { id: string; name: string; archivedAt: Date }; canManage: boolean };

/** An archived queue's page: what archiving keeps and stops, and for leads the way back, after which the full page loads. */
export function ArchivedQueue({ projectId, slug, queue, canManage }: ArchivedQueueProps) {
  const router = useRouter();
  const restore = useRestoreQueue();
  return (
    <>
      <QueueBreadcrumb slug={slug} queueId={queue.id} queueName={queue.name} />
      <PageHeader
        title={queue.name}
        description={
          <span className="flex items-center gap-2">
            <Badge>Archived</Badge>
            <span>
              since <DateTime value={queue.archivedAt} />
            </span>
          </span>
        }
        action={
          canManage && (
            <Button isBusy={restore.isPending || restore.isSuccess} onClick={() => restore.mutate({ projectId, queueId: queue.id }, { onSuccess: () => router.refresh() })}>
              Restore queue
            </Button>
          )
        }
      />
      <div className="max-w-2xl space-y-4">
        {restore.error && <Alert tone="error">{errorMessage(restore.error)}</Alert>}
        <Alert title="This queue is archived">
          It takes no new outputs and nobody can claim its items. Its items, answers and gold are kept, and datasets keep reading its gold.{" "}
          {canManage ? "Restore it to review it again; a backfill then adds the outputs ingested meanwhile." : "A lead can restore it."}
        </Alert>
      </div>
    </>
  );
}
