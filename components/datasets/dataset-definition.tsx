import type { ReactNode } from "react";
import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { Card, CardHeader } from "@/components/ui/card";
import { DateTime } from "@/components/ui/date-time";

type Definition = {
  slug: string;
  queues: Array<{ id: string; name: string; archivedAt: Date | null; schemaVersion: number }>;
  minConfidence: number;
  labelFilters: Record<string, string[]>;
  correctionMode: "allow_original" | "require_correction";
  goldFrom: Date | null;
  goldUntil: Date | null;
  splitTrain: number;
  splitValidation: number;
  splitTest: number;
  splitKey: "end_user_id" | "trace_id" | "metadata";
  splitMetadataKey: string | null;
  isSplitLocked: boolean;
  createdAt: Date;
  createdByName: string | null;
};

const percent = (share: number) => `${Math.round(share * 1000) / 10}%`;
const groupKeyText = { end_user_id: "end user", trace_id: "trace", metadata: "metadata key" } as const;

function Term({ term, children }: { term: string; children: ReactNode }) {
  return (
    <div>
      <dt className="text-zinc-500">{term}</dt>
      <dd className="mt-0.5 text-zinc-900">{children}</dd>
    </div>
  );
}

/** The dataset's recipe and split rule, as the next release will apply them. */
export function DatasetDefinition({ base, dataset }: { base: string; dataset: Definition }) {
  const filters = Object.entries(dataset.labelFilters);
  return (
    <Card>
      <CardHeader title="Recipe" />
      <dl className="space-y-3 px-5 py-4 text-sm">
        <Term term="Queues">
          <span className="flex flex-wrap gap-1">
            {dataset.queues.map((queue) => (
              <Link key={queue.id} href={`${base}/queues/${queue.id}`} className="rounded-md focus-visible:ring-2 focus-visible:ring-gold-500">
                <Badge tone={queue.archivedAt ? "neutral" : "gold"}>
                  {queue.name} · schema v{queue.schemaVersion}
                </Badge>
              </Link>
            ))}
          </span>
        </Term>
        <Term term="Labels">{filters.length === 0 ? "any" : filters.map(([key, values]) => `${key} ∈ {${values.join(", ")}}`).join("; ")}</Term>
        <Term term="Minimum confidence">{dataset.minConfidence.toFixed(2)}</Term>
        <Term term="Corrections">{dataset.correctionMode === "require_correction" ? "needs a correction" : "original output allowed"}</Term>
        <Term term="Gold decided">
          {dataset.goldFrom || dataset.goldUntil ? (
            <>
              {dataset.goldFrom ? <DateTime value={dataset.goldFrom} style="date" /> : "any time"} – {dataset.goldUntil ? <DateTime value={dataset.goldUntil} style="date" /> : "now"}
            </>
          ) : (
            "any time"
          )}
        </Term>
        <Term term="Split">
          train {percent(dataset.splitTrain)} · validation {percent(dataset.splitValidation)} · test {percent(dataset.splitTest)}, grouped by{" "}
          {dataset.splitKey === "metadata" ? `metadata "${dataset.splitMetadataKey}"` : groupKeyText[dataset.splitKey]}
          <span className="mt-0.5 block text-xs text-zinc-500">
            {dataset.isSplitLocked ? "Fixed: every row keeps its split across releases." : "Fixed once the first release is published."}
          </span>
        </Term>
        <Term term="Slug">
          <span className="font-mono text-xs">{dataset.slug}</span>
        </Term>
        <Term term="Created">
          <DateTime value={dataset.createdAt} style="date" />
          {dataset.createdByName && ` by ${dataset.createdByName}`}
        </Term>
      </dl>
    </Card>
  );
}
