"use client";

import { useId } from "react";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { FieldCard } from "./field-card";
import { MAX_FIELDS, newFieldDraft, type FieldDraft } from "./field-draft-state";
import { builderInputClass } from "./option-rows";
import type { QueueFormState } from "./queue-form-state";

type LabelParts = Pick<QueueFormState, "fields" | "allowNote" | "allowCorrection" | "correctionRule" | "correctionDistance">;

type LabelSchemaFieldsProps = {
  state: LabelParts;
  errors: Record<string, string | undefined>;
  onChange: (patch: Partial<LabelParts>) => void;
};

/** The label's 1–12 fields, each of any type, in the order annotators answer them (J and K move between them). */
export function LabelSchemaFields({ state, errors, onChange }: LabelSchemaFieldsProps) {
  const { fields } = state;
  const correctionRuleId = useId();
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
            key={index}
            index={index}
            count={fields.length}
            draft={field}
            errors={errors}
            onChange={(patch) => setField(index, patch)}
            onMove={(delta) => moveField(index, delta)}
            onRemove={() => onChange({ fields: fields.filter((_, at) => at !== index) })}
          />
        ))}
      </ol>
      {errors.fields && <p className="text-xs font-medium text-red-600">{errors.fields}</p>}
      <Button variant="secondary" size="sm" disabled={fields.length >= MAX_FIELDS} onClick={() => onChange({ fields: [...fields, newFieldDraft()] })}>
        Add field
      </Button>
      {fields.length >= MAX_FIELDS && <span className="ml-3 text-xs text-zinc-500">Twelve fields at most.</span>}
      <fieldset className="space-y-2">
        <legend className="text-sm font-medium text-zinc-800">Also ask for</legend>
        <label className="flex items-start gap-2.5 text-sm">
          <input type="checkbox" className="mt-0.5 size-4 accent-zinc-900" checked={state.allowNote} onChange={(event) => onChange({ allowNote: event.target.checked })} />
          <span>
            Allow a note
            <span className="block text-zinc-500">A free-text remark for the lead, such as why the answer is wrong.</span>
          </span>
        </label>
        <label className="flex items-start gap-2.5 text-sm">
          <input
            type="checkbox"
            className="mt-0.5 size-4 accent-zinc-900"
            checked={state.allowCorrection}
            onChange={(event) => onChange({ allowCorrection: event.target.checked })}
          />
          <span>
            Allow a corrected output
            <span className="block text-zinc-500">Annotators edit the model&apos;s answer into what it should have said; datasets carry the correction.</span>
          </span>
        </label>
        {state.allowCorrection && (
          <div className="ml-6 grid gap-4 sm:grid-cols-2">
            <div className="space-y-1.5">
              <label htmlFor={correctionRuleId} className="block text-sm font-medium text-zinc-800">
                Corrections become gold when
              </label>
              <select
                id={correctionRuleId}
                value={state.correctionRule}
                onChange={(event) => onChange({ correctionRule: event.target.value as LabelParts["correctionRule"] })}
                className={builderInputClass}
              >
                <option value="identical">they are identical (spacing aside)</option>
                <option value="medoid">they are close: the most central one wins</option>
              </select>
            </div>
            {state.correctionRule === "medoid" && (
              <TextField
                label="Correction allowed distance"
                type="number"
                min={0}
                max={1}
                step={0.05}
                value={state.correctionDistance}
                error={errors["correctionConsensus.maxDistance"]}
                hint="0–1: how much of the text every correction may differ from the most central one."
                onChange={(event) => onChange({ correctionDistance: event.target.value })}
              />
            )}
          </div>
        )}
      </fieldset>
    </div>
  );
}
