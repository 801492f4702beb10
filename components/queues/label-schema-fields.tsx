"use client";

import { Button } from "@/components/ui/button";
import { FieldCard } from "./field-card";
import { addFieldDraft, countAnswerDrafts, MAX_FIELDS, newCorrectionDraft, type FieldDraft } from "./field-draft-state";
import type { QueueFormState } from "./queue-form-state";

type LabelParts = Pick<QueueFormState, "fields" | "allowNote">;

type LabelSchemaFieldsProps = {
  state: LabelParts;
  errors: Record<string, string | undefined>;
  onChange: (patch: Partial<LabelParts>) => void;
};

/**
 * The label's 1–12 fields, each of any type, in the order annotators answer them (J and K move between
 * them), the corrected output among them where the lead puts it.
 */
export function LabelSchemaFields({ state, errors, onChange }: LabelSchemaFieldsProps) {
  const { fields } = state;
  const hasCorrection = fields.some((field) => field.type === "corrected_output");
  const isFull = countAnswerDrafts(fields) >= MAX_FIELDS;
  const setField = (index: number, patch: Partial<FieldDraft>) => onChange({ fields: fields.map((field, at) => (at === index ? { ...field, ...patch } : field)) });
  const moveField = (index: number, delta: number) => {
    const next = [...fields];
    const [moved] = next.splice(index, 1);
    next.splice(index + delta, 0, moved!);
    onChange({ fields: next });
  };
  return (
    <div className="space-y-5">
      <ol aria-label="Label fields" className="space-y-4">
        {fields.map((field, index) => (
          <FieldCard
            key={field.id}
            index={index}
            count={fields.length}
            draft={field}
            canBeCorrection={!hasCorrection || field.type === "corrected_output"}
            errors={errors}
            onChange={(patch) => setField(index, patch)}
            onMove={(delta) => moveField(index, delta)}
            onRemove={() => onChange({ fields: fields.filter((_, at) => at !== index) })}
          />
        ))}
      </ol>
      {errors.fields && <p className="text-xs font-medium text-red-600">{errors.fields}</p>}
      <div className="flex flex-wrap items-center gap-3">
        <Button variant="secondary" size="sm" disabled={isFull} onClick={() => onChange({ fields: addFieldDraft(fields) })}>
          Add field
        </Button>
        {!hasCorrection && (
          <Button variant="secondary" size="sm" onClick={() => onChange({ fields: [...fields, newCorrectionDraft(fields)] })}>
            Add corrected output
          </Button>
        )}
        {isFull && <span className="text-xs text-zinc-500">Twelve fields at most, besides the corrected output.</span>}
      </div>
      <fieldset className="space-y-2">
        <legend className="text-sm font-medium text-zinc-800">Also ask for</legend>
        <label className="flex items-start gap-2.5 text-sm">
          <input type="checkbox" className="mt-0.5 size-4 accent-zinc-900" checked={state.allowNote} onChange={(event) => onChange({ allowNote: event.target.checked })} />
          <span>
            Allow a note
            <span className="block text-zinc-500">A free-text remark for the lead, such as why the answer is wrong.</span>
          </span>
        </label>
      </fieldset>
    </div>
  );
}
