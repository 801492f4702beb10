"use client";

import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { signalKinds } from "@/server/ingest/schema";
import type { MetadataRow, SamplingRuleDraft } from "./queue-form-state";
import { formatPercent } from "./sampling-rule-summary";

type SamplingRuleFieldsProps = {
  state: SamplingRuleDraft;
  errors: Record<string, string | undefined>;
  onChange: (patch: Partial<SamplingRuleDraft>) => void;
};

const inputClass =
  "block w-full rounded-md border-0 bg-white px-3 py-2 text-sm text-zinc-900 shadow-xs ring-1 ring-inset ring-zinc-300 placeholder:text-zinc-400 focus:ring-2 focus:ring-gold-500 focus:outline-none";

/** Which outputs the queue takes: filters that must all match, then a sampling rate. */
export function SamplingRuleFields({ state, errors, onChange }: SamplingRuleFieldsProps) {
  const setRow = (index: number, patch: Partial<MetadataRow>) =>
    onChange({ metadata: state.metadata.map((row, at) => (at === index ? { ...row, ...patch } : row)) });
  const rate = Number(state.rate);
  return (
    <div className="space-y-5">
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField
          label="Models"
          placeholder="support-bot-v2, support-bot-v3"
          value={state.models}
          error={errors.models}
          hint="Comma-separated; any of them matches. Empty takes every model."
          onChange={(event) => onChange({ models: event.target.value })}
        />
        <TextField
          label="Tags"
          placeholder="billing, refunds"
          value={state.tags}
          error={errors.tags}
          hint="Comma-separated; an output needs every one."
          onChange={(event) => onChange({ tags: event.target.value })}
        />
      </div>
      <fieldset>
        <legend className="text-sm font-medium text-zinc-800">Metadata equals</legend>
        <p className="mt-0.5 text-xs text-zinc-500">Numbers and true/false match as such; put a value in quotes to match it as text.</p>
        {state.metadata.length > 0 && (
          <ul className="mt-3 space-y-2">
            {state.metadata.map((row, index) => (
              <li key={index} className="grid grid-cols-[1fr_auto_1fr_auto] items-center gap-2">
                <input aria-label={`Metadata key ${index + 1}`} placeholder="locale" value={row.key} onChange={(event) => setRow(index, { key: event.target.value })} className={`${inputClass} font-mono`} />
                <span aria-hidden className="text-zinc-500">=</span>
                <input aria-label={`Metadata value ${index + 1}`} placeholder="en" value={row.value} onChange={(event) => setRow(index, { value: event.target.value })} className={`${inputClass} font-mono`} />
                <Button variant="ghost" aria-label={`Remove metadata filter ${index + 1}`} onClick={() => onChange({ metadata: state.metadata.filter((_, at) => at !== index) })}>
                  ✕
                </Button>
              </li>
            ))}
          </ul>
        )}
        {errors.metadata && <p className="mt-2 text-xs font-medium text-red-600">{errors.metadata}</p>}
        <Button variant="secondary" size="sm" className="mt-3" onClick={() => onChange({ metadata: [...state.metadata, { key: "", value: "" }] })}>
          Add metadata filter
        </Button>
      </fieldset>
      <fieldset>
        <legend className="text-sm font-medium text-zinc-800">Production signals</legend>
        <p className="mt-0.5 text-xs text-zinc-500">
          Only outputs with at least one of the ticked signals. An output joins when its signal arrives, even if it was ingested earlier.
        </p>
        <div className="mt-2 flex flex-wrap gap-x-5 gap-y-2">
          {signalKinds.map((kind) => (
            <label key={kind} className="flex items-center gap-2 text-sm">
              <input
                type="checkbox"
                className="size-4 accent-zinc-900"
                checked={state.signals.includes(kind)}
                onChange={(event) => onChange({ signals: event.target.checked ? [...state.signals, kind] : state.signals.filter((held) => held !== kind) })}
              />
              has <span className="font-mono text-xs">{kind}</span>
            </label>
          ))}
        </div>
        {errors.signals && <p className="mt-2 text-xs font-medium text-red-600">{errors.signals}</p>}
      </fieldset>
      <div className="space-y-1.5">
        <div className="grid items-end gap-4 sm:grid-cols-[1fr_9rem]">
          <div>
            <span className="block text-sm font-medium text-zinc-800" aria-hidden>
              Rate
            </span>
            <input
              type="range"
              aria-label="Rate (slider)"
              min={0}
              max={1}
              step={0.01}
              value={Number.isFinite(rate) ? rate : 0}
              onChange={(event) => onChange({ rate: event.target.value })}
              className="mt-3 w-full accent-zinc-900"
            />
          </div>
          <TextField
            label="Sampling rate"
            type="number"
            min={0}
            max={1}
            step={0.01}
            value={state.rate}
            error={errors.rate}
            onChange={(event) => onChange({ rate: event.target.value })}
          />
        </div>
        <p className="text-xs text-zinc-500">
          {Number.isFinite(rate) && rate >= 0 && rate <= 1
            ? `${formatPercent(rate)} of matching outputs are queued. The draw is a hash of queue and output, so a replay picks the same ones.`
            : "A share between 0 and 1."}
        </p>
      </div>
    </div>
  );
}
