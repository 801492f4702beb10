"use client";

import { builtInRuleInfo, builtInRules, type BuiltInRule } from "@/server/privacy/schema";

/** One switch per built-in rule, with the token it writes and what it looks for. */
export function BuiltInRulesFieldset({ enabled, onChange }: { enabled: readonly BuiltInRule[]; onChange: (rules: BuiltInRule[]) => void }) {
  const toggle = (rule: BuiltInRule, isOn: boolean) => onChange(builtInRules.filter((candidate) => (candidate === rule ? isOn : enabled.includes(candidate))));
  return (
    <fieldset>
      <legend className="text-sm font-medium text-zinc-800">Built-in rules</legend>
      <ul className="mt-2 divide-y divide-zinc-100 rounded-lg ring-1 ring-zinc-200">
        {builtInRules.map((rule) => {
          const info = builtInRuleInfo[rule];
          return (
            <li key={rule} className="flex items-start justify-between gap-6 px-4 py-3">
              <div className="text-sm">
                <p className="font-medium text-zinc-900">
                  {info.title} <code className="ml-1 rounded bg-zinc-100 px-1 text-xs text-zinc-600">{info.token}</code>
                </p>
                <p className="text-zinc-500">{info.description}</p>
              </div>
              <label className="flex shrink-0 items-center gap-2 text-sm text-zinc-700">
                <input
                  type="checkbox"
                  role="switch"
                  checked={enabled.includes(rule)}
                  onChange={(event) => toggle(rule, event.target.checked)}
                  aria-label={`Redact ${info.title.toLowerCase()}`}
                  className="size-4 accent-zinc-900"
                />
                {enabled.includes(rule) ? "On" : "Off"}
              </label>
            </li>
          );
        })}
      </ul>
    </fieldset>
  );
}
