"use client";

import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { MAX_CUSTOM_RULES, type CustomRule } from "@/server/privacy/schema";

type CustomRulesEditorProps = {
  rules: readonly CustomRule[];
  onChange: (rules: CustomRule[]) => void;
  /** The error of one rule's field, e.g. ("pattern", 2), from the last save or test. */
  errorFor: (field: "name" | "pattern", index: number) => string | undefined;
  /** Why a rule cannot run yet (the tester leaves it out), null when it can. */
  problemFor: (index: number) => string | null;
};

/** The project's own patterns: each with a name (its [CUSTOM:name] token), a regular expression and a case switch. */
export function CustomRulesEditor({ rules, onChange, errorFor, problemFor }: CustomRulesEditorProps) {
  const update = (index: number, patch: Partial<CustomRule>) => onChange(rules.map((rule, at) => (at === index ? { ...rule, ...patch } : rule)));
  return (
    <fieldset>
      <legend className="text-sm font-medium text-zinc-800">Custom rules</legend>
      <p className="mt-1 text-xs text-zinc-500">
        A JavaScript regular expression per rule, replaced by <code>[CUSTOM:name]</code>. Start it with fixed text and bound its repeats (for example{" "}
        <code>ORD-\d{"{6}"}</code>): patterns that could backtrack on long text are refused.
      </p>
      {rules.length === 0 ? (
        <p className="mt-3 text-sm text-zinc-500">No custom rules. Add one for identifiers only your product has, such as order or account numbers.</p>
      ) : (
        <ul className="mt-3 space-y-3">
          {rules.map((rule, index) => (
            <li key={index} className="grid grid-cols-1 gap-3 rounded-lg p-3 ring-1 ring-zinc-200 sm:grid-cols-[10rem_1fr_auto]">
              <TextField label={`Rule ${index + 1} name`} value={rule.name} error={errorFor("name", index)} onChange={(event) => update(index, { name: event.target.value })} />
              <TextField
                label={`Rule ${index + 1} pattern`}
                value={rule.pattern}
                className="font-mono"
                error={errorFor("pattern", index)}
                hint={problemFor(index) ? `Left out of the test below: ${problemFor(index)}` : undefined}
                onChange={(event) => update(index, { pattern: event.target.value })}
              />
              <div className="flex items-end gap-3 pb-1">
                <label className="flex items-center gap-2 text-sm text-zinc-700">
                  <input type="checkbox" checked={rule.caseInsensitive} onChange={(event) => update(index, { caseInsensitive: event.target.checked })} className="size-4 accent-zinc-900" />
                  Ignore case
                </label>
                <Button size="sm" variant="ghost" aria-label={`Remove rule ${index + 1}`} onClick={() => onChange(rules.filter((_, at) => at !== index))}>
                  Remove
                </Button>
              </div>
            </li>
          ))}
        </ul>
      )}
      <Button
        size="sm"
        variant="secondary"
        className="mt-3"
        disabled={rules.length >= MAX_CUSTOM_RULES}
        onClick={() => onChange([...rules, { name: `rule-${rules.length + 1}`, pattern: "", caseInsensitive: false }])}
      >
        Add custom rule
      </Button>
    </fieldset>
  );
}
