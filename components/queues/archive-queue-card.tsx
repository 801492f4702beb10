"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Card, CardHeader } from "@/components/ui/card";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { errorMessage } from "@/components/ui/form-errors";
import { useArchiveQueue } from "./use-queues";

/** Archiving, with what it keeps and stops said before the lead confirms; the queues page and the queue's own page restore it. */
export function ArchiveQueueCard({ projectId, slug, queueId, queueName }: { projectId: string; slug: string; queueId: string; queueName: string }) {
  const router = useRouter();
  const archive = useArchiveQueue();
  const [isConfirming, setIsConfirming] = useState(false);
  const close = () => {
    archive.reset();
    setIsConfirming(false);
  };
  return (
    <Card>
      <CardHeader
        title="Archive"
        description="Stops sampling and claims. Items, answers and gold stay, datasets keep their rows, and you can restore the queue from the Queues page or its own page."
        action={
          <Button variant="secondary" size="sm" onClick={() => setIsConfirming(true)}>
            Archive queue
          </Button>
        }
      />
      <ConfirmDialog
        isOpen={isConfirming}
        title={`Archive ${queueName}?`}
        body="New outputs stop entering it and nobody can claim its items. Answers already being written can still be submitted."
        confirmLabel="Archive"
        isBusy={archive.isPending || archive.isSuccess}
        error={errorMessage(archive.error)}
        onConfirm={() => archive.mutate({ projectId, queueId }, { onSuccess: () => router.push(`/p/${slug}/queues?archived=${encodeURIComponent(queueName)}`) })}
        onClose={close}
      />
    </Card>
  );
}
