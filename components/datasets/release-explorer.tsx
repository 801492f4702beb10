"use client";

import { useState } from "react";
import { Card, CardHeader } from "@/components/ui/card";
import { SelectField } from "@/components/ui/field";
import { cn } from "@/components/ui/cn";
import { ClassBalance } from "./class-balance";
import { MixedLabelVersions } from "./mixed-label-versions";
import { ReleaseChanges } from "./release-changes";
import { ReleaseRows, type LabelOption } from "./release-rows";

const tabs = [
  { key: "changes", title: "Changes" },
  { key: "rows", title: "Rows" },
  { key: "balance", title: "Class balance" },
] as const;
type Tab = (typeof tabs)[number]["key"];

type ReleaseExplorerProps = { projectId: string; datasetId: string; publishedNumbers: number[]; labelOptions: LabelOption[] };

/** A published release looked at three ways: what changed since the one before, its rows, and its class balance per split. */
export function ReleaseExplorer({ projectId, datasetId, publishedNumbers, labelOptions }: ReleaseExplorerProps) {
  const [chosen, setChosen] = useState<number | undefined>(undefined);
  const [tab, setTab] = useState<Tab>("changes");
  const release = chosen !== undefined && publishedNumbers.includes(chosen) ? chosen : publishedNumbers[0];
  if (release === undefined) return null;
  return (
    <Card aria-label="Release explorer" role="region">
      <CardHeader
        title={`Inside release ${release}`}
        description="What changed since the previous release, row by row; every row, filtered; and how labels balance across splits."
        action={
          <div className="w-40 shrink-0">
            <SelectField label="Release" value={String(release)} onChange={(event) => setChosen(Number(event.target.value))}>
              {publishedNumbers.map((number) => (
                <option key={number} value={number}>
                  Release {number}
                </option>
              ))}
            </SelectField>
          </div>
        }
      />
      <MixedLabelVersions projectId={projectId} datasetId={datasetId} release={release} />
      <div role="tablist" aria-label="Views of the release" className="flex gap-1 border-b border-zinc-100 px-5">
        {tabs.map((item) => (
          <button
            key={item.key}
            role="tab"
            type="button"
            aria-selected={tab === item.key}
            onClick={() => setTab(item.key)}
            className={cn(
              "-mb-px border-b-2 px-3 py-2 text-sm font-medium focus-visible:ring-2 focus-visible:ring-gold-500 focus-visible:outline-none",
              tab === item.key ? "border-zinc-900 text-zinc-900" : "border-transparent text-zinc-500 hover:text-zinc-800",
            )}
          >
            {item.title}
          </button>
        ))}
      </div>
      <div role="tabpanel" aria-label={tabs.find((item) => item.key === tab)?.title} className="pt-4">
        {tab === "changes" && <ReleaseChanges key={release} projectId={projectId} datasetId={datasetId} release={release} />}
        {tab === "rows" && <ReleaseRows key={release} projectId={projectId} datasetId={datasetId} release={release} labelOptions={labelOptions} />}
        {tab === "balance" && <ClassBalance key={release} projectId={projectId} datasetId={datasetId} release={release} />}
      </div>
    </Card>
  );
}
