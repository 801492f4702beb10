"use client";

import { Button } from "@/components/ui/button";
import { deriveKey, emptyCriterion, type CriterionRow } from "./field-draft-state";
import { builderInputClass } from "./option-rows";

const MAX_CRITERIA = 12;

type CriteriaRowsProps = {
  label: string;
  criteria: CriterionRow[];
  errorPrefix: string;
  errors: Record<string, string | undefined>;
  onChange: (criteria: CriterionRow[]) => void;
};

/** A rubric's 1–12 criteria: title, description, pass/fail or 1–5, and whether it is an assertion in eval exports. */
export function CriteriaRows({ label, criteria, errorPrefix, errors, onChange }: CriteriaRowsProps) {
  const setCriterion = (index: number, patch: Partial<CriterionRow>) => onChange(criteria.map((criterion, at) => (at === index ? { ...criterion, ...patch } : criterion)));
  return (
    <fieldset className="space-y-3">
      <legend className="text-sm font-medium text-zinc-800">Criteria</legend>
      <ol className="space-y-3">
        {criteria.map((criterion, index) => {
          const name = `${label} criterion ${index + 1}`;
          const titleError = errors[`${errorPrefix}.criteria.${index}.title`] ?? errors[`${errorPrefix}.criteria.${index}.key`];
          return (
            <li key={index} className="space-y-2 rounded-md p-3 ring-1 ring-zinc-200 ring-inset">
              <div className="grid grid-cols-[1fr_auto_auto] items-start gap-2">
                <div>
                  <input
                    aria-label={`${name} title`}
                    placeholder="Cites a source"
                    value={criterion.title}
                    aria-invalid={titleError ? true : undefined}
                    onChange={(event) => setCriterion(index, criterion.isKeyEdited ? { title: event.target.value } : { title: event.target.value, key: deriveKey(event.target.value) })}
                    className={builderInputClass}
                  />
                  {titleError && <p className="mt-1 text-xs font-medium text-red-600">{titleError}</p>}
                </div>
                <select
                  aria-label={`${name} scale`}
                  value={criterion.scale}
                  onChange={(event) => setCriterion(index, { scale: event.target.value as CriterionRow["scale"] })}
                  className={`${builderInputClass} w-auto`}
                >
                  <option value="pass_fail">Pass / fail</option>
                  <option value="one_to_five">1–5</option>
                </select>
                <Button variant="ghost" aria-label={`Remove ${name.toLowerCase()}`} disabled={criteria.length <= 1} onClick={() => onChange(criteria.filter((_, at) => at !== index))}>
                  ✕
                </Button>
              </div>
              <input
                aria-label={`${name} description`}
                placeholder="What passing looks like"
                value={criterion.description}
                onChange={(event) => setCriterion(index, { description: event.target.value })}
                className={builderInputClass}
              />
              <label className="flex items-center gap-2 text-sm text-zinc-700">
                <input type="checkbox" className="size-4 accent-zinc-900" checked={criterion.assertion} onChange={(event) => setCriterion(index, { assertion: event.target.checked })} />
                Assertion: eval exports require it to pass (or score 4–5)
              </label>
            </li>
          );
        })}
      </ol>
      {errors[`${errorPrefix}.criteria`] && <p className="text-xs font-medium text-red-600">{errors[`${errorPrefix}.criteria`]}</p>}
      <Button variant="secondary" size="sm" disabled={criteria.length >= MAX_CRITERIA} onClick={() => onChange([...criteria, emptyCriterion()])}>
        Add criterion
      </Button>
    </fieldset>
  );
}
