"use client";

import { useRouter } from "next/navigation";
import { useMemo, useState, type FormEvent } from "react";
import { Alert } from "@/components/ui/alert";
import { Card } from "@/components/ui/card";
import { TextField } from "@/components/ui/field";
import { fieldError, formError } from "@/components/ui/form-errors";
import { firstChoiceDraft } from "./field-draft-state";
import { FormActions } from "./form-actions";
import { handleFormKeys } from "./form-keys";
import { FormSection } from "./form-section";
import { InstructionsEditor } from "./instructions-editor";
import { LabelSchemaFields } from "./label-schema-fields";
import { LoopSettingsFields } from "./loop-settings-fields";
import { QualitySettingsFields } from "./quality-settings-fields";
import { QueueModeField } from "./queue-mode-field";
import { ReviewFields } from "./review-fields";
import { initialQueueForm, validateQueueForm, type QueueFormState } from "./queue-form-state";
import { SamplingRuleFields } from "./sampling-rule-fields";
import { SamplingScienceFields } from "./sampling-science-fields";
import { useCreateQueue } from "./use-queues";

const serverFields = ["name", "instructions", "mode", "overlap", "leaseSeconds", "consensusMethod", "majorityThreshold", "minPosterior", "maxOverlap", "goldItemRate", "gateMinAccuracy", "gateMinGoldItems", "dailyCap", "holdoutFraction", "suggestionDisplay", "decoyRate", "approvalValues"] as const;

/** The new-queue form: validated with createQueueSchema before sending, and optionally backfilled right after. */
export function NewQueueForm({ projectId, slug }: { projectId: string; slug: string }) {
  const router = useRouter();
  const create = useCreateQueue();
  const [state, setState] = useState<QueueFormState>(initialQueueForm);
  const [hasTriedSubmit, setHasTriedSubmit] = useState(false);
  const onChange = (patch: Partial<QueueFormState>) => setState((previous) => ({ ...previous, ...patch }));
  // After the first attempt, errors follow every keystroke, so a fixed field clears at once.
  const validation = useMemo(() => validateQueueForm(state), [state]);
  // The server re-validates; its flattened errors only name top-level fields, so nested ones stay client-side.
  const errors: Record<string, string | undefined> = hasTriedSubmit && !validation.success ? { ...validation.errors } : {};
  for (const field of serverFields) errors[field] ??= fieldError(create.error, field);
  const generalError = formError(create.error, serverFields);

  async function submit() {
    setHasTriedSubmit(true);
    if (!validation.success) return;
    const created = await create.mutateAsync({ projectId, ...validation.data, backfill: state.shouldBackfill }).catch(() => null);
    if (!created) return;
    const result = created.backfill ? `?scanned=${created.backfill.scanned}&added=${created.backfill.added}` : "";
    router.push(`/p/${slug}/queues/${created.id}${result}`);
  }

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    void submit();
  }

  const isBusy = create.isPending || create.isSuccess;
  const hasErrors = Object.values(errors).some(Boolean);
  return (
    <form onSubmit={onSubmit} onKeyDown={handleFormKeys} noValidate aria-label="New queue" className="space-y-6">
      {generalError && <Alert tone="error">{generalError}</Alert>}
      <FormSection title="Queue" description="What reviewers see at the top of every item.">
        <div className="space-y-5">
          <TextField label="Name" placeholder="Support answers: weekly sample" required value={state.name} error={errors.name} onChange={(event) => onChange({ name: event.target.value })} />
          <InstructionsEditor value={state.instructions} error={errors.instructions} onChange={(instructions) => onChange({ instructions })} />
        </div>
      </FormSection>
      <FormSection title="Label" description="1–12 fields of any type (choices, ratings, numbers, text, rubrics), plus an optional note and corrected output.">
        <LabelSchemaFields state={state} errors={errors} onChange={onChange} />
      </FormSection>
      <FormSection title="Review" description="Whether reviewers answer alone or together, how many people see each item, and how long a claim stays theirs.">
        <div className="space-y-4">
          <QueueModeField value={state.mode} error={errors.mode} onChange={(mode) => onChange({ mode })} />
          <ReviewFields overlap={state.overlap} leaseSeconds={state.leaseSeconds} errors={errors} onChange={onChange} />
        </div>
      </FormSection>
      <FormSection title="Resolution and quality" description="How answers become gold, and how annotators are checked against known answers.">
        <QualitySettingsFields draft={state.quality} overlap={Number(state.overlap)} errors={errors} onChange={(patch) => onChange({ quality: { ...state.quality, ...patch } })} />
      </FormSection>
      <FormSection title="Sampling" description="Which production outputs enter the queue, and with what chance. Every filter you fill in must match; every item records its inclusion probability π.">
        <SamplingRuleFields state={state} errors={errors} onChange={onChange} />
        <SamplingScienceFields draft={state.science} errors={errors} onChange={(patch) => onChange({ science: { ...state.science, ...patch } })} />
      </FormSection>
      <FormSection title="Loop health" description="What Goldloop needs to watch this queue's loop for collapse. The defaults change nothing about review.">
        <LoopSettingsFields draft={state.loop} options={firstChoiceDraft(state.fields)?.options ?? []} errors={errors} onChange={(patch) => onChange({ loop: { ...state.loop, ...patch } })} />
      </FormSection>
      <Card className="flex flex-wrap items-center justify-between gap-4 px-5 py-4">
        <label className="flex items-start gap-2.5 text-sm">
          <input type="checkbox" className="mt-0.5 size-4 accent-zinc-900" checked={state.shouldBackfill} onChange={(event) => onChange({ shouldBackfill: event.target.checked })} />
          <span>
            Add matching stored outputs now
            <span className="block text-zinc-500">Applies the rule to outputs already ingested. New outputs are sampled as they arrive either way.</span>
          </span>
        </label>
        <div className="flex items-center gap-3">
          {hasErrors && <span className="text-xs font-medium text-red-600">Check the highlighted fields.</span>}
          <FormActions cancelHref={`/p/${slug}/queues`} cancelLabel="Cancel" submitLabel="Create queue" isBusy={isBusy} />
        </div>
      </Card>
    </form>
  );
}
