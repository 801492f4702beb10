"use client";

import type { ReactNode } from "react";
import { SelectField, TextField } from "@/components/ui/field";
import { signalKinds } from "@/server/ingest/schema";
import type { StrataKind, ThreadMode } from "@/server/queues/schema";
import type { SamplingScienceDraft } from "./sampling-science-state";

type SamplingScienceFieldsProps = {
  draft: SamplingScienceDraft;
  errors: Record<string, string | undefined>;
  onChange: (patch: Partial<SamplingScienceDraft>) => void;
};

function Group({ title, hint, children }: { title: string; hint: string; children: ReactNode }) {
  return (
    <fieldset className="space-y-3">
      <legend className="text-sm font-medium text-zinc-800">{title}</legend>
      <p className="-mt-2 text-xs text-zinc-500">{hint}</p>
      {children}
    </fieldset>
  );
}

/**
 * Strata with quotas, priority, the exploration floor, the daily budget, the pending cap and thread rules.
 * Each day's rates are fixed from the days before it, so every item's π stays its true inclusion probability.
 */
export function SamplingScienceFields({ draft, errors, onChange }: SamplingScienceFieldsProps) {
  return (
    <div className="space-y-6 border-t border-zinc-100 pt-5">
      <Group title="Strata and quotas" hint="Each stratum gets its own daily rate: raised until it expects the quota, from the volume of the days before.">
        <div className="grid gap-4 sm:grid-cols-3">
          <SelectField label="Strata" value={draft.strataBy} error={errors.strataBy} onChange={(event) => onChange({ strataBy: event.target.value as StrataKind })}>
            <option value="none">None (one population)</option>
            <option value="model">By model</option>
            <option value="tag">By tag</option>
            <option value="metadata">By a metadata key</option>
          </SelectField>
          {draft.strataBy === "metadata" && (
            <TextField label="Stratum metadata key" placeholder="locale" value={draft.strataKey} error={errors.strataKey} hint="Each value of this key is a stratum." onChange={(event) => onChange({ strataKey: event.target.value })} />
          )}
          {draft.strataBy === "tag" && (
            <TextField label="Stratum tags" placeholder="web, mobile" value={draft.strataTags} error={errors.strataTags} hint="The first listed tag an output has; the rest fall in “other”." onChange={(event) => onChange({ strataTags: event.target.value })} />
          )}
          <TextField
            label="Quota per stratum per day"
            type="number"
            min={1}
            placeholder="No quota"
            value={draft.quotaPerDay}
            error={errors.quotaPerDay}
            hint="At least this many expected items a day from each stratum."
            onChange={(event) => onChange({ quotaPerDay: event.target.value })}
          />
        </div>
      </Group>
      <Group title="Priority" hint="Negative feedback makes an output more likely to be drawn; its π records the higher chance, and it is reviewed first.">
        <div className="flex flex-wrap gap-x-5 gap-y-2">
          {signalKinds
            .filter((kind) => kind !== "score")
            .map((kind) => (
              <label key={kind} className="flex items-center gap-2 text-sm">
                <input
                  type="checkbox"
                  className="size-4 accent-zinc-900"
                  checked={draft.prioritySignals.includes(kind)}
                  onChange={(event) => onChange({ prioritySignals: event.target.checked ? [...draft.prioritySignals, kind] : draft.prioritySignals.filter((held) => held !== kind) })}
                />
                prioritise <span className="font-mono text-xs">{kind}</span>
              </label>
            ))}
        </div>
        {errors.prioritySignals && <p className="text-xs font-medium text-red-600">{errors.prioritySignals}</p>}
        <div className="grid gap-4 sm:grid-cols-2">
          <TextField
            label="Judge score below"
            type="number"
            step="any"
            placeholder="Scores do not count"
            value={draft.priorityScoreBelow}
            error={errors.priorityScoreBelow}
            hint="A score signal under this counts as negative feedback."
            onChange={(event) => onChange({ priorityScoreBelow: event.target.value })}
          />
          <TextField
            label="Priority multiplier"
            type="number"
            min={1}
            step="any"
            value={draft.priorityMultiplier}
            error={errors.priorityMultiplier}
            hint="π = min(1, rate × multiplier) for prioritised outputs."
            onChange={(event) => onChange({ priorityMultiplier: event.target.value })}
          />
        </div>
      </Group>
      <Group title="Limits" hint="Limits set each day's rates from the days before instead of dropping drawn items, so π stays exact: a new queue has no history and runs unlimited on its first day. The floor always applies.">
        <div className="grid gap-4 sm:grid-cols-3">
          <TextField
            label="Exploration floor ε"
            type="number"
            min={0}
            max={1}
            step="any"
            value={draft.explorationFloor}
            error={errors.explorationFloor}
            hint="Every matching output has π ≥ ε, so estimates cover all of production."
            onChange={(event) => onChange({ explorationFloor: event.target.value })}
          />
          <TextField
            label="Daily budget"
            type="number"
            min={1}
            placeholder="No budget"
            value={draft.dailyBudget}
            error={errors.dailyBudget}
            hint="Expected items a day at most, from the next day on."
            onChange={(event) => onChange({ dailyBudget: event.target.value })}
          />
          <TextField
            label="Pending cap"
            type="number"
            min={1}
            placeholder="No cap"
            value={draft.maxPending}
            error={errors.maxPending}
            hint="Checked when a day's plan is made: a day that starts with this many pending samples at ε only."
            onChange={(event) => onChange({ maxPending: event.target.value })}
          />
        </div>
      </Group>
      <Group title="Threads" hint="Outputs that share a session id are the turns of one thread.">
        <div className="grid gap-4 sm:grid-cols-2">
          <SelectField label="Thread rule" value={draft.thread} error={errors.thread} onChange={(event) => onChange({ thread: event.target.value as ThreadMode })}>
            <option value="every_output">Every output</option>
            <option value="last_turn">Last turn of each thread</option>
          </SelectField>
          {draft.thread === "last_turn" && (
            <TextField
              label="Idle minutes"
              type="number"
              min={1}
              value={draft.threadIdleMinutes}
              error={errors.threadIdleMinutes}
              hint="A thread's latest turn is its last once no turn followed for this long. Signals on any turn count for the thread."
              onChange={(event) => onChange({ threadIdleMinutes: event.target.value })}
            />
          )}
        </div>
      </Group>
    </div>
  );
}
