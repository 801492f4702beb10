"use client";

import { useState } from "react";
import { Card } from "@/components/ui/card";
import { SelectField } from "@/components/ui/field";
import { CorrectionDiff } from "./correction-diff";
import { listCorrectionSources, pickDefaultComparison, type CorrectionSource } from "./correction-sources";

type CompareCorrectionsProps = {
  originalText: string;
  annotations: readonly { annotatorId: string; annotatorName: string; correction: string | null }[];
};

function SourcePicker({ label, sources, value, onChange }: { label: string; sources: CorrectionSource[]; value: string; onChange: (key: string) => void }) {
  return (
    <SelectField label={label} value={value} onChange={(event) => onChange(event.target.value)}>
      {sources.map((source) => (
        <option key={source.key} value={source.key}>
          {source.title}
        </option>
      ))}
    </SelectField>
  );
}

/**
 * Any two of the original and the reviewers' corrections as a word diff, so a lead sees where two reviewers
 * disagree without reading both against the original. Explains itself instead when there is no pair.
 */
export function CompareCorrections({ originalText, annotations }: CompareCorrectionsProps) {
  const sources = listCorrectionSources(originalText, annotations);
  const defaults = pickDefaultComparison(sources);
  // Only what the lead picked is state: the defaults follow the answers, which can still arrive while the page is open.
  const [pickedFromKey, setFromKey] = useState<string | null>(null);
  const [pickedToKey, setToKey] = useState<string | null>(null);
  const findSource = (key: string | null | undefined) => sources.find((source) => source.key === key);
  const from = findSource(pickedFromKey) ?? findSource(defaults?.fromKey);
  const to = findSource(pickedToKey) ?? findSource(defaults?.toKey);
  return (
    <section aria-labelledby="compare-corrections-heading" className="space-y-3">
      <h3 id="compare-corrections-heading" className="text-sm font-semibold text-zinc-900">
        Compare corrections
      </h3>
      {!from || !to ? (
        <p className="text-sm text-zinc-500">
          {sources.length === 2
            ? "Only one reviewer corrected the output, so there are no two corrections to compare; their card above shows it against the original."
            : "No reviewer corrected the output, so there are no corrections to compare."}
        </p>
      ) : (
        <Card className="space-y-4 p-4">
          <div className="grid gap-3 sm:grid-cols-2">
            <SourcePicker label="From" sources={sources} value={from.key} onChange={setFromKey} />
            <SourcePicker label="To" sources={sources} value={to.key} onChange={setToKey} />
          </div>
          {from.key === to.key ? (
            <p className="text-sm text-zinc-500">Both sides are {from.name}; pick two different texts to see what changes between them.</p>
          ) : (
            <CorrectionDiff
              original={from.text}
              corrected={to.text}
              label={`${to.title} compared with ${from.name}`}
              originalName={from.name}
              correctedName={to.name}
            />
          )}
        </Card>
      )}
    </section>
  );
}
