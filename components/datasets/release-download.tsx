"use client";

import { useState } from "react";
import { Card, CardHeader } from "@/components/ui/card";
import { SelectField } from "@/components/ui/field";
import { cn } from "@/components/ui/cn";
import {
  dpoStyles,
  exportFormatDescriptions,
  exportFormats,
  releaseDownloadPath,
  releaseSplits,
  trainingFormats,
  type DpoStyle,
  type ExportFormat,
  type ReleaseSplit,
} from "@/server/datasets/formats/schema";

const formatLabels: Record<ExportFormat, string> = { jsonl: "JSONL (every field)", openai: "OpenAI chat fine-tuning", dpo: "DPO preference pairs", csv: "CSV", parquet: "Parquet" };
const dpoStyleLabels: Record<DpoStyle, string> = { trl: "TRL (prompt / chosen / rejected)", openai: "OpenAI (input / preferred / non-preferred)" };

/**
 * Downloads a published release in any format, split and (for the formats that can say a row was removed)
 * as only the changes since an earlier release. The link goes to the session-authorised download route,
 * which streams the file, so a release of any size downloads without the page holding it.
 */
export function ReleaseDownload({ projectSlug, datasetId, releaseNumbers }: { projectSlug: string; datasetId: string; releaseNumbers: number[] }) {
  const [release, setRelease] = useState(releaseNumbers[0] ?? 0);
  const [format, setFormat] = useState<ExportFormat>("jsonl");
  const [split, setSplit] = useState<ReleaseSplit | "">("");
  const [dpoStyle, setDpoStyle] = useState<DpoStyle>("trl");
  const [since, setSince] = useState<number | "">("");

  if (releaseNumbers.length === 0) {
    return (
      <Card role="region" aria-label="Download a release">
        <CardHeader title="Download" description="Publish a release to download it here as JSONL, OpenAI fine-tuning lines, DPO pairs, CSV or Parquet." />
      </Card>
    );
  }
  const canDiff = !trainingFormats.includes(format);
  const earlier = releaseNumbers.filter((number) => number < release);
  const options = { format, split: split || null, since: canDiff && since !== "" && since < release ? since : null, dpoStyle };
  const href = releaseDownloadPath(projectSlug, datasetId, release, options);

  return (
    <Card role="region" aria-label="Download a release">
      <CardHeader title="Download" description={exportFormatDescriptions[format]} />
      <div className="space-y-4 px-5 py-4">
        <div className="grid grid-cols-2 gap-3">
          <SelectField label="Release" value={release} onChange={(event) => setRelease(Number(event.target.value))}>
            {releaseNumbers.map((number) => (
              <option key={number} value={number}>
                Release {number}
              </option>
            ))}
          </SelectField>
          <SelectField label="Split" value={split} onChange={(event) => setSplit(event.target.value as ReleaseSplit | "")}>
            <option value="">All splits</option>
            {releaseSplits.map((value) => (
              <option key={value} value={value}>
                {value}
              </option>
            ))}
          </SelectField>
        </div>
        <SelectField label="Format" value={format} onChange={(event) => setFormat(event.target.value as ExportFormat)}>
          {exportFormats.map((value) => (
            <option key={value} value={value}>
              {formatLabels[value]}
            </option>
          ))}
        </SelectField>
        {format === "dpo" && (
          <SelectField label="DPO style" value={dpoStyle} onChange={(event) => setDpoStyle(event.target.value as DpoStyle)} hint="Only rows whose correction differs from the original output make a pair.">
            {dpoStyles.map((value) => (
              <option key={value} value={value}>
                {dpoStyleLabels[value]}
              </option>
            ))}
          </SelectField>
        )}
        {canDiff && earlier.length > 0 && (
          <SelectField
            label="Rows"
            value={since === "" || since >= release ? "" : since}
            onChange={(event) => setSince(event.target.value === "" ? "" : Number(event.target.value))}
            hint="Changes carry a change column: added, relabelled, or removed (key fields only)."
          >
            <option value="">Whole release</option>
            {earlier.map((number) => (
              <option key={number} value={number}>
                Changes since release {number}
              </option>
            ))}
          </SelectField>
        )}
        <a
          href={href}
          // The server names the file (dataset, release, split, format) in Content-Disposition.
          download
          className={cn(
            "inline-flex h-10 w-full items-center justify-center rounded-md bg-zinc-900 px-4 text-sm font-medium text-white hover:bg-zinc-700",
            "focus-visible:ring-2 focus-visible:ring-gold-500 focus-visible:ring-offset-2 focus-visible:outline-none",
          )}
        >
          Download {formatLabels[format]}
        </a>
      </div>
    </Card>
  );
}
