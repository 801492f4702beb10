"use client";

import { SelectField, TextField } from "@/components/ui/field";
import type { SuggestionDisplay } from "@/server/queues/schema";
import type { LoopSettingsDraft } from "./loop-settings-state";

type LoopSettingsFieldsProps = {
  draft: LoopSettingsDraft;
  /** The label field's options, to tick the ones that count as acceptable. */
  options: ReadonlyArray<{ title: string; value: string }>;
  errors: Record<string, string | undefined>;
  onChange: (patch: Partial<LoopSettingsDraft>) => void;
};

/** Wording shared by the form and the queue page, one line per setting. */
export const loopSettingHints = {
  holdoutFraction: "A uniform random slice that ignores the rule's signal filter, so loop-health detectors see unbiased data. 0–0.5.",
  suggestionDisplay: "Pre-selected: the review form starts on the suggestion ingested with the output; annotators change it with the usual keys.",
  decoyRate: "Share of pre-selected suggestions swapped for a different option, to catch rubber-stamping. Decoy answers never count toward gold. 0–0.5.",
  approvalValues: "The answers that mean “acceptable”; the approval-saturation detector watches their share approach 100%.",
} as const;

/** Holdout, suggestion display, decoy rate and acceptable answers, for the new-queue form and the queue page's editor. */
export function LoopSettingsFields({ draft, options, errors, onChange }: LoopSettingsFieldsProps) {
  const toggle = (value: string, isChecked: boolean) =>
    onChange({ acceptableValues: isChecked ? [...draft.acceptableValues, value] : draft.acceptableValues.filter((acceptable) => acceptable !== value) });
  const namedOptions = options.filter((option) => option.value !== "");
  return (
    <div className="space-y-5">
      <div className="grid gap-4 sm:grid-cols-3">
        <TextField
          label="Holdout fraction"
          type="number"
          min={0}
          max={0.5}
          step={0.05}
          value={draft.holdoutFraction}
          error={errors.holdoutFraction}
          hint={loopSettingHints.holdoutFraction}
          onChange={(event) => onChange({ holdoutFraction: event.target.value })}
        />
        <SelectField
          label="Suggestions"
          value={draft.suggestionDisplay}
          error={errors.suggestionDisplay}
          hint={loopSettingHints.suggestionDisplay}
          onChange={(event) => onChange({ suggestionDisplay: event.target.value as SuggestionDisplay })}
        >
          <option value="hidden">Hidden</option>
          <option value="preselected">Pre-selected</option>
        </SelectField>
        <TextField
          label="Decoy rate"
          type="number"
          min={0}
          max={0.5}
          step={0.01}
          value={draft.decoyRate}
          error={errors.decoyRate}
          hint={draft.suggestionDisplay === "preselected" ? loopSettingHints.decoyRate : "Only used when suggestions are pre-selected."}
          onChange={(event) => onChange({ decoyRate: event.target.value })}
        />
      </div>
      <fieldset>
        <legend className="text-sm font-medium text-zinc-800">Acceptable answers</legend>
        <p className="mt-0.5 text-xs text-zinc-500">{loopSettingHints.approvalValues}</p>
        {namedOptions.length === 0 ? (
          <p className="mt-2 text-sm text-zinc-500">Name the options of the label first, then tick the acceptable ones here.</p>
        ) : (
          <div className="mt-2 flex flex-wrap gap-x-5 gap-y-2">
            {namedOptions.map((option) => (
              <label key={option.value} className="flex items-center gap-2 text-sm text-zinc-800">
                <input
                  type="checkbox"
                  className="size-4 accent-zinc-900"
                  checked={draft.acceptableValues.includes(option.value)}
                  onChange={(event) => toggle(option.value, event.target.checked)}
                />
                {option.title || option.value}
              </label>
            ))}
          </div>
        )}
        {errors.approvalValues && <p className="mt-2 text-xs font-medium text-red-600">{errors.approvalValues}</p>}
      </fieldset>
    </div>
  );
}
