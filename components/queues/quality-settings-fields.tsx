"use client";

import { SelectField, TextField } from "@/components/ui/field";
import type { ConsensusMethod } from "@/server/queues/schema";
import { describeAdaptiveReach, type QualitySettingsDraft } from "./quality-settings-state";

/** Wording shared by the form and the queue page, one line per setting. */
export const qualitySettingHints = {
  consensusMethod: "Majority counts votes. Dawid–Skene weighs each annotator by their measured confusion matrix, refitted as labels arrive.",
  majorityThreshold: "Vote share a label needs to win, above 0.5. Below it, a lead decides.",
  minPosterior: "Posterior probability the winning label needs, 0.5–1. Below it, the item asks for more annotators or a lead.",
  maxOverlap: "K for adaptive overlap: on disagreement the item asks for one more annotator, up to K, before it becomes a conflict. Empty keeps k fixed.",
  goldItemRate: "Share of claims served a gold item (a known answer) instead of a production item. Annotators cannot tell which. 0–0.5.",
  gateMinAccuracy: "Pause an annotator on this queue when their gold-check accuracy falls below this. Empty: no gate.",
  gateMinGoldItems: "Gold checks an annotator must answer before the gate can pause them.",
  dailyCap: "Most answers one annotator may give on this queue per UTC day. Empty: no cap.",
} as const;

type QualitySettingsFieldsProps = {
  draft: QualitySettingsDraft;
  /** The queue's k, to say how far adaptive overlap can grow at this threshold. */
  overlap: number;
  errors: Record<string, string | undefined>;
  onChange: (patch: Partial<QualitySettingsDraft>) => void;
};

/** Consensus, adaptive overlap, gold checks, gate and cap, for the new-queue form and the queue page's editor. */
export function QualitySettingsFields({ draft, overlap, errors, onChange }: QualitySettingsFieldsProps) {
  const isDawidSkene = draft.consensusMethod === "dawid_skene";
  const adaptiveReach = describeAdaptiveReach(draft, overlap);
  return (
    <div className="space-y-5">
      <div className="grid gap-4 sm:grid-cols-3">
        <SelectField
          label="Consensus"
          value={draft.consensusMethod}
          error={errors.consensusMethod}
          hint={qualitySettingHints.consensusMethod}
          onChange={(event) => onChange({ consensusMethod: event.target.value as ConsensusMethod })}
        >
          <option value="majority">Majority vote</option>
          <option value="dawid_skene">Dawid–Skene posterior</option>
        </SelectField>
        {isDawidSkene ? (
          <TextField
            label="Minimum posterior"
            type="number"
            min={0.5}
            max={1}
            step={0.01}
            value={draft.minPosterior}
            error={errors.minPosterior}
            hint={qualitySettingHints.minPosterior}
            onChange={(event) => onChange({ minPosterior: event.target.value })}
          />
        ) : (
          <TextField
            label="Majority threshold"
            type="number"
            min={0.55}
            max={1}
            step={0.05}
            value={draft.majorityThreshold}
            error={errors.majorityThreshold}
            hint={qualitySettingHints.majorityThreshold}
            onChange={(event) => onChange({ majorityThreshold: event.target.value })}
          />
        )}
        <TextField
          label="Maximum overlap (K)"
          type="number"
          min={1}
          max={9}
          placeholder="fixed"
          value={draft.maxOverlap}
          error={errors.maxOverlap}
          hint={qualitySettingHints.maxOverlap}
          onChange={(event) => onChange({ maxOverlap: event.target.value })}
        />
      </div>
      {adaptiveReach && (
        <p role="note" className="rounded-md bg-gold-50 px-3 py-2 text-sm text-gold-700 ring-1 ring-gold-200">
          {adaptiveReach}
        </p>
      )}
      <div className="grid gap-4 sm:grid-cols-4">
        <TextField
          label="Gold-check rate"
          type="number"
          min={0}
          max={0.5}
          step={0.01}
          value={draft.goldItemRate}
          error={errors.goldItemRate}
          hint={qualitySettingHints.goldItemRate}
          onChange={(event) => onChange({ goldItemRate: event.target.value })}
        />
        <TextField
          label="Gate: minimum accuracy"
          type="number"
          min={0}
          max={1}
          step={0.05}
          placeholder="no gate"
          value={draft.gateMinAccuracy}
          error={errors.gateMinAccuracy}
          hint={qualitySettingHints.gateMinAccuracy}
          onChange={(event) => onChange({ gateMinAccuracy: event.target.value })}
        />
        <TextField
          label="Gate: after checks"
          type="number"
          min={1}
          max={1000}
          value={draft.gateMinGoldItems}
          error={errors.gateMinGoldItems}
          hint={qualitySettingHints.gateMinGoldItems}
          onChange={(event) => onChange({ gateMinGoldItems: event.target.value })}
        />
        <TextField
          label="Daily cap"
          type="number"
          min={1}
          placeholder="no cap"
          value={draft.dailyCap}
          error={errors.dailyCap}
          hint={qualitySettingHints.dailyCap}
          onChange={(event) => onChange({ dailyCap: event.target.value })}
        />
      </div>
    </div>
  );
}
