"use client";

import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { Kbd } from "@/components/ui/kbd";
import { deriveKey, MAX_OPTIONS, MIN_OPTIONS, type OptionRow, type QueueFormState } from "./queue-form-state";

type LabelSchemaFieldsProps = {
  state: QueueFormState;
  errors: Record<string, string | undefined>;
  onChange: (patch: Partial<QueueFormState>) => void;
};

const inputClass =
  "block w-full rounded-md border-0 bg-white px-3 py-2 text-sm text-zinc-900 shadow-xs ring-1 ring-inset ring-zinc-300 placeholder:text-zinc-400 focus:ring-2 focus:ring-gold-500 focus:outline-none aria-[invalid=true]:ring-red-500";

/** The label field and its 2–9 options; an option's value follows its title until the lead edits the value. */
export function LabelSchemaFields({ state, errors, onChange }: LabelSchemaFieldsProps) {
  const setOption = (index: number, patch: Partial<OptionRow>) =>
    onChange({ options: state.options.map((option, at) => (at === index ? { ...option, ...patch } : option)) });

  return (
    <div className="space-y-5">
      <TextField
        label="Label field title"
        placeholder="Verdict"
        value={state.fieldTitle}
        error={errors.fieldTitle}
        hint="The question annotators answer, for example “Is this answer acceptable?”"
        onChange={(event) => onChange({ fieldTitle: event.target.value })}
      />
      <fieldset>
        <legend className="text-sm font-medium text-zinc-800">Options</legend>
        <p className="mt-0.5 text-xs text-zinc-500">
          Annotators pick one with keys <Kbd>1</Kbd>–<Kbd>{Math.min(state.options.length, MAX_OPTIONS)}</Kbd>. The value is what datasets carry.
        </p>
        <ol className="mt-3 space-y-2">
          {state.options.map((option, index) => {
            const number = index + 1;
            const titleError = errors[`options.${index}.title`];
            const valueError = errors[`options.${index}.value`];
            return (
              <li key={index} className="grid grid-cols-[1.5rem_1fr_1fr_auto] items-start gap-2">
                <span aria-hidden className="pt-2 text-right">
                  <Kbd>{number}</Kbd>
                </span>
                <div>
                  <input
                    aria-label={`Option ${number} title`}
                    placeholder={number === 1 ? "Helpful" : number === 2 ? "Not helpful" : "Title"}
                    value={option.title}
                    aria-invalid={titleError ? true : undefined}
                    onChange={(event) =>
                      setOption(index, option.isValueEdited ? { title: event.target.value } : { title: event.target.value, value: deriveKey(event.target.value) })
                    }
                    className={inputClass}
                  />
                  {titleError && <p className="mt-1 text-xs font-medium text-red-600">{titleError}</p>}
                </div>
                <div>
                  <input
                    aria-label={`Option ${number} value`}
                    placeholder="value"
                    value={option.value}
                    aria-invalid={valueError ? true : undefined}
                    onChange={(event) => setOption(index, { value: event.target.value, isValueEdited: event.target.value !== "" })}
                    className={`${inputClass} font-mono`}
                  />
                  {valueError && <p className="mt-1 text-xs font-medium text-red-600">{valueError}</p>}
                </div>
                <Button
                  variant="ghost"
                  aria-label={`Remove option ${number}`}
                  disabled={state.options.length <= MIN_OPTIONS}
                  onClick={() => onChange({ options: state.options.filter((_, at) => at !== index) })}
                >
                  ✕
                </Button>
              </li>
            );
          })}
        </ol>
        {errors.options && <p className="mt-2 text-xs font-medium text-red-600">{errors.options}</p>}
        <Button
          variant="secondary"
          size="sm"
          className="mt-3"
          disabled={state.options.length >= MAX_OPTIONS}
          onClick={() => onChange({ options: [...state.options, { title: "", value: "", isValueEdited: false }] })}
        >
          Add option
        </Button>
        {state.options.length >= MAX_OPTIONS && <span className="ml-3 text-xs text-zinc-500">Nine options at most: one per number key.</span>}
      </fieldset>
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
      </fieldset>
    </div>
  );
}
