"use client";

import { useId } from "react";
import { Alert } from "@/components/ui/alert";
import { SelectField, TextField } from "@/components/ui/field";
import { countOf } from "@/components/ui/plural";
import { choiceFields, type LabelSchema } from "@/server/queues/schema";
import type { RecipeDraft } from "./recipe-state";

export type QueueChoice = { id: string; name: string; labelSchema: LabelSchema; goldCount: number };
type RecipeFieldsProps = {
  draft: RecipeDraft;
  update: (changes: Partial<RecipeDraft>) => void;
  queues: QueueChoice[];
  errorFor: (field: string) => string | undefined;
  /** Once a dataset has a release its split rule is fixed, so every row keeps its split. */
  isSplitLocked: boolean;
};

const checkboxClass = "mt-0.5 size-4 accent-zinc-900";

/** The label fields of the picked queues, each with every option any of them offers. */
function filterableFields(queues: QueueChoice[]) {
  const fields = new Map<string, { title: string; options: Map<string, string> }>();
  for (const queue of queues) {
    for (const field of choiceFields(queue.labelSchema)) {
      const entry = fields.get(field.key) ?? { title: field.title, options: new Map<string, string>() };
      for (const option of field.options) entry.options.set(option.value, option.title);
      fields.set(field.key, entry);
    }
  }
  return [...fields];
}

/** True when the picked queues ask different questions (or the same with other options). */
function haveMixedSchemas(queues: QueueChoice[]): boolean {
  const [first, ...rest] = queues.map((queue) => JSON.stringify(queue.labelSchema));
  return rest.some((schema) => schema !== first);
}

function ErrorText({ id, error }: { id: string; error?: string }) {
  return error ? (
    <p id={id} className="text-xs font-medium text-red-600">
      {error}
    </p>
  ) : null;
}

/** Which gold rows become training examples, and how they are split; shared by the create and edit forms. */
export function RecipeFields({ draft, update, queues, errorFor, isSplitLocked }: RecipeFieldsProps) {
  const id = useId();
  const picked = queues.filter((queue) => draft.queueIds.includes(queue.id));
  const labelError = Object.keys(draft.labelFilters).map((key) => errorFor(`labelFilters.${key}`)).find(Boolean) ?? errorFor("labelFilters");
  const toggleValue = (key: string, value: string, isOn: boolean) => {
    const current = draft.labelFilters[key] ?? [];
    update({ labelFilters: { ...draft.labelFilters, [key]: isOn ? [...current, value] : current.filter((item) => item !== value) } });
  };
  return (
    <>
      <fieldset className="space-y-2" aria-describedby={errorFor("queueIds") ? `${id}-queues` : undefined}>
        <legend className="text-sm font-medium text-zinc-800">Queues</legend>
        <p className="text-xs text-zinc-500">Each release takes the current gold label of every resolved item in these queues that the filters below let through.</p>
        {queues.map((queue) => (
          <label key={queue.id} className="flex items-start gap-2.5 rounded-md px-1 py-1 text-sm hover:bg-zinc-50">
            <input
              type="checkbox"
              className={checkboxClass}
              checked={draft.queueIds.includes(queue.id)}
              onChange={(event) => update({ queueIds: event.target.checked ? [...draft.queueIds, queue.id] : draft.queueIds.filter((queueId) => queueId !== queue.id) })}
            />
            <span>
              <span className="font-medium text-zinc-900">{queue.name}</span>
              <span className="block text-xs text-zinc-500">{countOf(queue.goldCount, "gold label")} now</span>
            </span>
          </label>
        ))}
        <ErrorText id={`${id}-queues`} error={errorFor("queueIds")} />
      </fieldset>
      {haveMixedSchemas(picked) && (
        <Alert title="These queues label differently">
          Their label schemas differ, so the same field may mean different things (or take other values) from row to row. Check the filters below, or keep
          one schema per dataset.
        </Alert>
      )}

      {picked.length > 0 && (
        <fieldset className="space-y-3">
          <legend className="text-sm font-medium text-zinc-800">Label filters</legend>
          <p className="text-xs text-zinc-500">Tick the values a row may have. A field with nothing ticked takes any value.</p>
          {filterableFields(picked).map(([key, field]) => (
            <div key={key} role="group" aria-label={`${field.title} values`} className="flex flex-wrap gap-x-4 gap-y-1">
              <span className="w-full text-xs font-medium tracking-wide text-zinc-500 uppercase">{field.title}</span>
              {[...field.options].map(([value, title]) => (
                <label key={value} className="flex items-center gap-2 text-sm text-zinc-800">
                  <input type="checkbox" className={checkboxClass} checked={draft.labelFilters[key]?.includes(value) ?? false} onChange={(event) => toggleValue(key, value, event.target.checked)} />
                  {title}
                </label>
              ))}
            </div>
          ))}
          <ErrorText id={`${id}-labels`} error={labelError} />
        </fieldset>
      )}

      <div className="grid gap-4 sm:grid-cols-2">
        <TextField
          label="Minimum confidence"
          type="number"
          inputMode="decimal"
          min={0}
          max={1}
          step={0.05}
          hint="From 0 to 1. Unanimous gold has 1, a majority its vote share."
          value={draft.minConfidence}
          error={errorFor("minConfidence")}
          onChange={(event) => update({ minConfidence: event.target.value })}
        />
        <SelectField
          label="Corrections"
          value={draft.correctionMode}
          hint="The assistant text of a row is the gold correction where there is one, else the original output."
          error={errorFor("correctionMode")}
          onChange={(event) => update({ correctionMode: event.target.value === "require_correction" ? "require_correction" : "allow_original" })}
        >
          <option value="allow_original">Allow the original output</option>
          <option value="require_correction">Needs a correction</option>
        </SelectField>
        <TextField label="Gold decided from (UTC)" type="date" hint="Optional; this day included." value={draft.goldFrom} error={errorFor("goldFrom")} onChange={(event) => update({ goldFrom: event.target.value })} />
        <TextField label="Gold decided before (UTC)" type="date" hint="Optional; this day left out." value={draft.goldUntil} error={errorFor("goldUntil")} onChange={(event) => update({ goldUntil: event.target.value })} />
      </div>

      <fieldset className="space-y-3" disabled={isSplitLocked}>
        <legend className="text-sm font-medium text-zinc-800">Train / validation / test split</legend>
        <p className="text-xs text-zinc-500">
          {isSplitLocked
            ? "Fixed: this dataset has a release, and every row keeps its split in every release. Make a new dataset for another split."
            : "Rows are split by a hash of their group, so no group spans two splits. Fixed once the first release is published."}
        </p>
        <div className="grid grid-cols-3 gap-3">
          <TextField label="Train" type="number" inputMode="decimal" min={0} max={1} step={0.05} value={draft.splitTrain} error={errorFor("splitTrain")} onChange={(event) => update({ splitTrain: event.target.value })} />
          <TextField label="Validation" type="number" inputMode="decimal" min={0} max={1} step={0.05} value={draft.splitValidation} error={errorFor("splitValidation")} onChange={(event) => update({ splitValidation: event.target.value })} />
          <TextField label="Test" type="number" inputMode="decimal" min={0} max={1} step={0.05} value={draft.splitTest} error={errorFor("splitTest")} onChange={(event) => update({ splitTest: event.target.value })} />
        </div>
        <div className="grid gap-3 sm:grid-cols-2">
          <SelectField
            label="Group rows by"
            value={draft.splitKey}
            hint="Rows without one form a group of their own."
            onChange={(event) => update({ splitKey: event.target.value === "trace_id" ? "trace_id" : event.target.value === "metadata" ? "metadata" : "end_user_id" })}
          >
            <option value="end_user_id">End user</option>
            <option value="trace_id">Trace</option>
            <option value="metadata">A metadata key</option>
          </SelectField>
          {draft.splitKey === "metadata" && (
            <TextField label="Metadata key" placeholder="conversation_id" value={draft.splitMetadataKey} error={errorFor("splitMetadataKey")} onChange={(event) => update({ splitMetadataKey: event.target.value })} />
          )}
        </div>
      </fieldset>
    </>
  );
}
