"use client";

import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Card } from "@/components/ui/card";
import { TextField } from "@/components/ui/field";
import { countOf } from "@/components/ui/plural";
import { FormActions } from "./form-actions";
import { handleFormKeys } from "./form-keys";
import { FormSection } from "./form-section";
import { InstructionsEditor } from "./instructions-editor";
import { toQueueDefinitionDraft, validateQueueDefinition, type QueueDefinition, type QueueDefinitionDraft } from "./queue-definition-state";
import { QueueModeField } from "./queue-mode-field";
import { ReviewFields } from "./review-fields";
import { SamplingRuleFields } from "./sampling-rule-fields";
import { SamplingScienceFields } from "./sampling-science-fields";
import { useQueue, useUpdateQueue } from "./use-queues";
import { useSettingsForm } from "./use-settings-form";

const serverFields = ["name", "instructions", "mode", "overlap", "leaseSeconds", "samplingRule"] as const;

type Saved = { changed: string[]; settled: { resolved: number; conflicts: number; awaitingMore: number } };

/** What a save did, in words: nothing, or what changed and which items a lowered k completed. */
function describeSaved({ changed, settled }: Saved): string {
  if (changed.length === 0) return "Nothing changed.";
  const settledCount = settled.resolved + settled.conflicts + settled.awaitingMore;
  if (settledCount === 0) return "Saved. Claims and ingest from now on follow the new settings.";
  const outcomes = [
    settled.resolved > 0 && `${settled.resolved} became gold`,
    settled.conflicts > 0 && `${countOf(settled.conflicts, "conflict")} for a lead`,
    settled.awaitingMore > 0 && `${settled.awaitingMore} asked for one more annotator`,
  ].filter(Boolean);
  return `Saved. The lower overlap completed ${countOf(settledCount, "item")}: ${outcomes.join(", ")}.`;
}

/** Leads edit a queue's name, instructions, mode, k, lease and sampling rule; the label schema and settings cards stay on the queue page. */
export function EditQueueForm({ projectId, slug, queueId }: { projectId: string; slug: string; queueId: string }) {
  const queue = useQueue(projectId, queueId);
  const update = useUpdateQueue();
  const [saved, setSaved] = useState<Saved | null>(null);
  const queueHref = `/p/${slug}/queues/${queueId}`;
  const { draft, errors, message, patch, submit } = useSettingsForm<QueueDefinitionDraft, QueueDefinition>({
    initial: toQueueDefinitionDraft(queue),
    validate: validateQueueDefinition,
    serverFields,
    mutation: update,
    onValid: (data) => update.mutate({ projectId, queueId, ...data }, { onSuccess: setSaved }),
    onClose: () => undefined,
  });
  const change = (changes: Partial<QueueDefinitionDraft>) => {
    setSaved(null);
    patch(changes);
  };
  const lowered = Number(draft.overlap) < queue.overlap;

  return (
    <form onSubmit={submit} onKeyDown={handleFormKeys} noValidate aria-label="Edit queue" className="space-y-6">
      {message && <Alert tone="error">{message}</Alert>}
      <FormSection title="Queue" description="What reviewers see at the top of every item.">
        <div className="space-y-5">
          <TextField label="Name" required value={draft.name} error={errors.name} onChange={(event) => change({ name: event.target.value })} />
          <InstructionsEditor value={draft.instructions} error={errors.instructions} onChange={(instructions) => change({ instructions })} />
        </div>
      </FormSection>
      <FormSection title="Review" description="Whether reviewers answer alone or together, how many people see each item, and how long a claim stays theirs.">
        <div className="space-y-4">
          <QueueModeField value={draft.mode} error={errors.mode} onChange={(mode) => change({ mode })} />
          <ReviewFields
          overlap={draft.overlap}
          leaseSeconds={draft.leaseSeconds}
          errors={errors}
          onChange={change}
          overlapHint={
            lowered
              ? `Lowering k from ${queue.overlap} resolves, on save, every open item that already has this many answers; anyone still on such an item is told it is done.`
              : `Now ${queue.overlap}. Raising it asks open items for more answers; resolved items keep their gold.`
          }
          />
        </div>
      </FormSection>
      <FormSection
        title="Sampling"
        description="Applies to outputs ingested from now on, and to a backfill. Items already in the queue stay, with the π they were drawn with."
      >
        <SamplingRuleFields state={draft} errors={errors} onChange={change} />
        <SamplingScienceFields draft={draft.science} errors={errors} onChange={(science) => change({ science: { ...draft.science, ...science } })} />
      </FormSection>
      <Card className="flex flex-wrap items-center justify-between gap-4 px-5 py-4">
        <div className="min-w-0 text-sm">{saved && <Alert tone="success">{describeSaved(saved)}</Alert>}</div>
        <div className="flex items-center gap-3">
          <FormActions cancelHref={queueHref} cancelLabel="Back to the queue" submitLabel="Save changes" isBusy={update.isPending} />
        </div>
      </Card>
    </form>
  );
}
