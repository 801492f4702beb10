"use client";

import { fieldTypeTitles } from "@/components/labels/field-wording";
import { Button } from "@/components/ui/button";
import { SelectField, TextField } from "@/components/ui/field";
import { CriteriaRows } from "./criteria-rows";
import { buildableFieldTypes, deriveKey, newFieldDraft, type BuildableFieldType, type FieldDraft } from "./field-draft-state";
import { builderInputClass, OptionRows } from "./option-rows";

type FieldCardProps = {
  index: number;
  count: number;
  draft: FieldDraft;
  /** False while another field is the corrected output: a queue has one. */
  canBeCorrection: boolean;
  errors: Record<string, string | undefined>;
  onChange: (patch: Partial<FieldDraft>) => void;
  onMove: (delta: number) => void;
  onRemove: () => void;
};

const typeHints: Record<BuildableFieldType, string> = {
  categorical: "One option of 2–20.",
  multi_select: "Any number of options, each decided on its own.",
  rating: "A point on a 1–N scale, with what each point means.",
  number: "A number in a range, in steps.",
  free_text: "A short written answer, such as a rationale.",
  rubric: "Several criteria, each pass/fail or 1–5.",
  pairwise: "Which of two candidate outputs is better (A, B or a tie). The queue then reviews only outputs ingested with candidates.",
  corrected_output: "The model's output, rewritten by annotators in a live editor into what it should have said; datasets carry the correction. Leaving it unchanged means it needed none.",
};

/** One field of the label: its type, title, key, hint and whether it is required, then its type's settings and gold rule. */
export function FieldCard({ index, count, draft, canBeCorrection, errors, onChange, onMove, onRemove }: FieldCardProps) {
  const label = `Field ${index + 1}`;
  const isCorrection = draft.type === "corrected_output";
  const prefix = `fields.${index}`;
  const error = (part: string) => errors[`${prefix}.${part}`];
  return (
    <li aria-label={label} className="space-y-4 rounded-lg p-4 ring-1 ring-zinc-200 ring-inset">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <p className="text-sm font-semibold text-zinc-900">{label}</p>
        <div className="flex items-center gap-1">
          <select aria-label={`${label} type`} value={draft.type} onChange={(event) => {
              const type = event.target.value as BuildableFieldType;
              // The spread's default differs by type (0 for a number, 1 for a rating or rubric score).
              onChange({ type, maxSpread: newFieldDraft(type).maxSpread });
            }} className={`${builderInputClass} w-auto`}>
            {buildableFieldTypes.map((type) => (
              <option key={type} value={type} disabled={type === "corrected_output" && !canBeCorrection}>
                {fieldTypeTitles[type]}
              </option>
            ))}
          </select>
          <Button variant="ghost" size="sm" aria-label={`Move ${label.toLowerCase()} up`} disabled={index === 0} onClick={() => onMove(-1)}>
            ↑
          </Button>
          <Button variant="ghost" size="sm" aria-label={`Move ${label.toLowerCase()} down`} disabled={index === count - 1} onClick={() => onMove(1)}>
            ↓
          </Button>
          <Button variant="ghost" size="sm" aria-label={`Remove ${label.toLowerCase()}`} disabled={count <= 1} onClick={onRemove}>
            ✕
          </Button>
        </div>
      </div>
      <p className="text-xs text-zinc-500">{typeHints[draft.type]}</p>
      <div className="grid gap-4 sm:grid-cols-[2fr_1fr]">
        <TextField
          label={`${label} title`}
          placeholder={isCorrection ? "Corrected output" : "Verdict"}
          value={draft.title}
          error={error("title")}
          hint={isCorrection ? "The editor's title on the review page." : "The question annotators answer."}
          onChange={(event) => onChange(draft.isKeyEdited ? { title: event.target.value } : { title: event.target.value, key: deriveKey(event.target.value) })}
        />
        <TextField
          label={`${label} key`}
          placeholder={isCorrection ? "corrected_output" : "verdict"}
          value={draft.key}
          error={error("key")}
          hint={isCorrection ? "Names it in gold provenance; datasets carry the text as `correction`." : "What answers and datasets store it under."}
          onChange={(event) => onChange({ key: event.target.value, isKeyEdited: event.target.value !== "" })}
        />
      </div>
      <TextField label={`${label} hint`} placeholder={isCorrection ? "Optional: what to fix and what to leave" : "Optional: what to look for"} value={draft.hint} error={error("hint")} onChange={(event) => onChange({ hint: event.target.value })} />
      <label className="flex items-center gap-2 text-sm text-zinc-700">
        <input type="checkbox" aria-label={`${label} required`} className="size-4 accent-zinc-900" checked={draft.required} onChange={(event) => onChange({ required: event.target.checked })} />
        {isCorrection ? "Required: gold needs the corrections to agree (optional: without agreement, gold has no correction)" : "Required: an answer needs it, and gold needs it to agree"}
      </label>
      {(draft.type === "categorical" || draft.type === "multi_select") && (
        <OptionRows label={label} options={draft.options} errorPrefix={prefix} errors={errors} isMulti={draft.type === "multi_select"} onChange={(options) => onChange({ options })} />
      )}
      {draft.type === "rating" && (
        <div className="grid gap-4 sm:grid-cols-[8rem_1fr]">
          <TextField label={`${label} scale top`} type="number" min={2} max={10} value={draft.ratingMax} error={error("max")} hint="1 to this (2–10)." onChange={(event) => onChange({ ratingMax: event.target.value })} />
          <div className="space-y-1.5">
            <label htmlFor={`${prefix}-anchors`} className="block text-sm font-medium text-zinc-800">
              {label} anchors
            </label>
            <textarea
              id={`${prefix}-anchors`}
              rows={3}
              value={draft.anchors}
              placeholder={"useless\npoor\nfine\ngood\nperfect"}
              onChange={(event) => onChange({ anchors: event.target.value })}
              className={builderInputClass}
            />
            <p className="text-xs text-zinc-500">{error("anchors") ?? "What each point means, one per line, from 1 up."}</p>
          </div>
        </div>
      )}
      {draft.type === "number" && (
        <div className="grid gap-4 sm:grid-cols-4">
          <TextField label={`${label} min`} type="number" value={draft.min} error={error("min")} onChange={(event) => onChange({ min: event.target.value })} />
          <TextField label={`${label} max`} type="number" value={draft.max} error={error("max")} onChange={(event) => onChange({ max: event.target.value })} />
          <TextField label={`${label} step`} type="number" value={draft.step} error={error("step")} onChange={(event) => onChange({ step: event.target.value })} />
          <TextField label={`${label} unit`} placeholder="min" value={draft.unit} error={error("unit")} onChange={(event) => onChange({ unit: event.target.value })} />
        </div>
      )}
      {draft.type === "free_text" && (
        <TextField label={`${label} longest answer`} type="number" min={1} max={20_000} value={draft.maxLength} error={error("maxLength")} hint="Characters." onChange={(event) => onChange({ maxLength: event.target.value })} />
      )}
      {draft.type === "pairwise" && (
        <label className="flex items-center gap-2 text-sm text-zinc-700">
          <input type="checkbox" aria-label={`${label} asks for strength`} className="size-4 accent-zinc-900" checked={draft.askStrength} onChange={(event) => onChange({ askStrength: event.target.checked })} />
          Ask how much better (slightly, clearly, much: keys 1–3)
        </label>
      )}
      {draft.type === "rubric" && <CriteriaRows label={label} criteria={draft.criteria} errorPrefix={prefix} errors={errors} onChange={(criteria) => onChange({ criteria })} />}
      <GoldRuleFields label={label} draft={draft} error={(part) => error(`consensus.${part}`)} onChange={onChange} />
    </li>
  );
}

/** How the field's answers become gold; every type has a sensible default. */
function GoldRuleFields({ label, draft, error, onChange }: { label: string; draft: FieldDraft; error: (part: string) => string | undefined; onChange: (patch: Partial<FieldDraft>) => void }) {
  const threshold = <TextField label={`${label} gold share`} type="number" min={0.5} max={1} step={0.05} value={draft.threshold} error={error("threshold")} hint="Share of answers needed, above 0.5." onChange={(event) => onChange({ threshold: event.target.value })} />;
  const spread = <TextField label={`${label} allowed spread`} type="number" min={0} step="any" value={draft.maxSpread} error={error("maxSpread")} hint="Most the answers may differ (max − min)." onChange={(event) => onChange({ maxSpread: event.target.value })} />;
  return (
    <fieldset className="space-y-3 border-t border-zinc-100 pt-3">
      <legend className="pt-3 text-sm font-medium text-zinc-800">Gold rule</legend>
      {draft.type === "categorical" && (
        <select aria-label={`${label} gold rule`} value={draft.choiceRule} onChange={(event) => onChange({ choiceRule: event.target.value as FieldDraft["choiceRule"] })} className={`${builderInputClass} w-auto`}>
          <option value="queue">Majority at the queue&apos;s threshold</option>
          <option value="unanimous">Unanimous</option>
        </select>
      )}
      {draft.type === "multi_select" && <div className="grid gap-4 sm:grid-cols-2">{threshold}</div>}
      {(draft.type === "rating" || draft.type === "number") && (
        <div className="grid gap-4 sm:grid-cols-2">
          <SelectField label={`${label} gold value`} value={draft.centreRule} onChange={(event) => onChange({ centreRule: event.target.value as FieldDraft["centreRule"] })}>
            <option value="median">Median of the answers</option>
            <option value="mean">Mean of the answers</option>
          </SelectField>
          {spread}
        </div>
      )}
      {draft.type === "free_text" && (
        <TextField
          label={`${label} allowed distance`}
          type="number"
          min={0}
          max={1}
          step={0.05}
          value={draft.maxDistance}
          error={error("maxDistance")}
          hint="0–1: how much of the text every answer may differ from the most central one."
          onChange={(event) => onChange({ maxDistance: event.target.value })}
        />
      )}
      {draft.type === "rubric" && (
        <div className="grid gap-4 sm:grid-cols-2">
          {threshold}
          {spread}
        </div>
      )}
      {draft.type === "corrected_output" && (
        <div className="grid gap-4 sm:grid-cols-2">
          <SelectField label={`${label} corrections agree when`} value={draft.correctionRule} onChange={(event) => onChange({ correctionRule: event.target.value as FieldDraft["correctionRule"] })}>
            <option value="identical">They are identical (spacing aside)</option>
            <option value="medoid">They are close: the most central one wins</option>
          </SelectField>
          {draft.correctionRule === "medoid" && (
            <TextField
              label={`${label} allowed distance`}
              type="number"
              min={0}
              max={1}
              step={0.05}
              value={draft.correctionDistance}
              error={error("maxDistance")}
              hint="0–1: how much of the text every correction may differ from the most central one."
              onChange={(event) => onChange({ correctionDistance: event.target.value })}
            />
          )}
        </div>
      )}
      {draft.type === "pairwise" && (
        <div className="grid gap-4 sm:grid-cols-2">
          {threshold}
          <SelectField label={`${label} when votes split`} value={draft.onSplit} onChange={(event) => onChange({ onSplit: event.target.value as FieldDraft["onSplit"] })}>
            <option value="conflict">A lead decides</option>
            <option value="tie">It is a tie</option>
          </SelectField>
        </div>
      )}
    </fieldset>
  );
}
