"use client";

import { Button } from "@/components/ui/button";
import { Kbd } from "@/components/ui/kbd";
import { deriveKey, MAX_OPTIONS, MIN_OPTIONS, type OptionRow } from "./field-draft-state";

export const builderInputClass =
  "block w-full rounded-md border-0 bg-white px-3 py-2 text-sm text-zinc-900 shadow-xs ring-1 ring-inset ring-zinc-300 placeholder:text-zinc-400 focus:ring-2 focus:ring-gold-500 focus:outline-none aria-[invalid=true]:ring-red-500";

type OptionRowsProps = {
  /** "Field 1": prefixes every control's name, so several fields' options stay distinct. */
  label: string;
  options: OptionRow[];
  /** `fields.<i>`: where this field's problems are keyed. */
  errorPrefix: string;
  errors: Record<string, string | undefined>;
  isMulti: boolean;
  onChange: (options: OptionRow[]) => void;
};

/** A choice's 2–20 options; an option's value follows its title until the lead edits the value. */
export function OptionRows({ label, options, errorPrefix, errors, isMulti, onChange }: OptionRowsProps) {
  const setOption = (index: number, patch: Partial<OptionRow>) => onChange(options.map((option, at) => (at === index ? { ...option, ...patch } : option)));
  return (
    <fieldset>
      <legend className="text-sm font-medium text-zinc-800">Options</legend>
      <p className="mt-0.5 text-xs text-zinc-500">
        Annotators {isMulti ? "tick any" : "pick one"} with keys <Kbd>1</Kbd>–<Kbd>{Math.min(options.length, 9)}</Kbd>
        {options.length > 9 ? " (the first nine)" : ""}. The value is what datasets carry.
      </p>
      <ol className="mt-3 space-y-2">
        {options.map((option, index) => {
          const number = index + 1;
          const titleError = errors[`${errorPrefix}.options.${index}.title`];
          const valueError = errors[`${errorPrefix}.options.${index}.value`];
          return (
            <li key={index} className="grid grid-cols-[1.5rem_1fr_1fr_auto] items-start gap-2">
              <span aria-hidden className="pt-2 text-right">
                {number <= 9 && <Kbd>{number}</Kbd>}
              </span>
              <div>
                <input
                  aria-label={`${label} option ${number} title`}
                  placeholder={number === 1 ? "Helpful" : number === 2 ? "Not helpful" : "Title"}
                  value={option.title}
                  aria-invalid={titleError ? true : undefined}
                  onChange={(event) => setOption(index, option.isValueEdited ? { title: event.target.value } : { title: event.target.value, value: deriveKey(event.target.value) })}
                  className={builderInputClass}
                />
                {titleError && <p className="mt-1 text-xs font-medium text-red-600">{titleError}</p>}
              </div>
              <div>
                <input
                  aria-label={`${label} option ${number} value`}
                  placeholder="value"
                  value={option.value}
                  aria-invalid={valueError ? true : undefined}
                  onChange={(event) => setOption(index, { value: event.target.value, isValueEdited: event.target.value !== "" })}
                  className={`${builderInputClass} font-mono`}
                />
                {valueError && <p className="mt-1 text-xs font-medium text-red-600">{valueError}</p>}
              </div>
              <Button variant="ghost" aria-label={`Remove ${label.toLowerCase()} option ${number}`} disabled={options.length <= MIN_OPTIONS} onClick={() => onChange(options.filter((_, at) => at !== index))}>
                ✕
              </Button>
            </li>
          );
        })}
      </ol>
      {errors[`${errorPrefix}.options`] && <p className="mt-2 text-xs font-medium text-red-600">{errors[`${errorPrefix}.options`]}</p>}
      <Button variant="secondary" size="sm" className="mt-3" disabled={options.length >= MAX_OPTIONS} onClick={() => onChange([...options, { title: "", value: "", isValueEdited: false }])}>
        Add option
      </Button>
      {options.length >= MAX_OPTIONS && <span className="ml-3 text-xs text-zinc-500">Twenty options at most.</span>}
    </fieldset>
  );
}
