import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { Card, CardHeader } from "@/components/ui/card";
import { DateTime } from "@/components/ui/date-time";
import { countOf } from "@/components/ui/plural";
import { Table, Td, Th } from "@/components/ui/table";
import type { OutputWithLineage as OutputLineage } from "../browser/use-outputs";

const provenanceWording = { rule: "sampled by the rule", backfill: "backfill", manual: "added by hand" } as const;

/** Queues the output is in, with each item's state, how it got there, its π and its answers. */
function QueueItems({ slug, items, canOpenItems }: { slug: string; items: OutputLineage["queueItems"]; canOpenItems: boolean }) {
  if (items.length === 0) return <p className="px-5 py-4 text-sm text-zinc-500">In no queue: no rule sampled it and nobody added it by hand.</p>;
  return (
    <Table aria-label="Queues">
      <thead>
        <tr>
          <Th>Queue</Th>
          <Th>State</Th>
          <Th>How it got there</Th>
          <Th className="text-right">π</Th>
          <Th className="text-right">Answers</Th>
          {canOpenItems && <Th className="sr-only">Item</Th>}
        </tr>
      </thead>
      <tbody className="divide-y divide-zinc-100">
        {items.map((item) => (
          <tr key={item.id}>
            <Td>
              <Link href={`/p/${slug}/queues/${item.queueId}`} className="font-medium text-zinc-900 hover:underline">
                {item.queueName}
              </Link>
            </Td>
            <Td>
              <Badge tone={item.state === "resolved" ? "green" : item.state === "conflict" ? "red" : "neutral"}>{item.state.replace("_", " ")}</Badge>
            </Td>
            <Td>
              {provenanceWording[item.provenance]}
              {item.isHoldout && " (holdout)"}
            </Td>
            <Td className="text-right tabular-nums">{item.provenance === "manual" ? "—" : item.inclusionProbability.toFixed(3)}</Td>
            <Td className="text-right tabular-nums">{item.annotationCount}</Td>
            {canOpenItems && (
              <Td className="text-right">
                {/* The item page holds its gold history and the lead's "Remove from queue". */}
                <Link href={`/p/${slug}/items/${item.id}`} className="text-sm font-medium text-zinc-700 hover:underline">
                  Open item
                </Link>
              </Td>
            )}
          </tr>
        ))}
      </tbody>
    </Table>
  );
}

function Gold({ gold }: { gold: OutputLineage["gold"] }) {
  if (gold.length === 0) return <p className="px-5 py-4 text-sm text-zinc-500">No gold label yet: it appears once a queue resolves the output.</p>;
  return (
    <ul className="divide-y divide-zinc-100">
      {gold.map((label) => (
        <li key={label.id} className="px-5 py-3 text-sm">
          <p className="font-medium text-zinc-900">
            {label.queueName}: {Object.entries(label.values).map(([field, value]) => `${field} = ${typeof value === "string" ? value : JSON.stringify(value)}`).join(", ")}
          </p>
          <p className="text-xs text-zinc-500">
            {label.method.replace("_", " ")}, confidence {label.confidence.toFixed(2)} · <DateTime value={label.createdAt} />
          </p>
          {label.correction && <p className="mt-1 rounded bg-gold-50 px-2 py-1 text-zinc-800">Corrected: {label.correction}</p>}
        </li>
      ))}
    </ul>
  );
}

function Releases({ slug, releases }: { slug: string; releases: OutputLineage["releases"] }) {
  if (releases.length === 0) return <p className="px-5 py-4 text-sm text-zinc-500">In no published dataset release.</p>;
  return (
    <ul className="divide-y divide-zinc-100">
      {releases.map((release) => (
        <li key={`${release.datasetId}-${release.releaseNumber}-${release.queueName}`} className="flex flex-wrap items-center justify-between gap-2 px-5 py-3 text-sm">
          <Link href={`/p/${slug}/datasets/${release.datasetId}`} className="font-medium text-zinc-900 hover:underline">
            {release.datasetName} · release {release.releaseNumber}
          </Link>
          <span className="text-xs text-zinc-500">
            {release.split} split · <DateTime value={release.publishedAt} />
          </span>
        </li>
      ))}
    </ul>
  );
}

/** Where the output went: queues, answers, gold and releases. */
export function OutputLineageCards({ slug, lineage, canOpenItems }: { slug: string; lineage: OutputLineage; canOpenItems: boolean }) {
  return (
    <div className="space-y-4">
      <Card>
        <CardHeader title="Queues" description={`${countOf(lineage.annotationCount, "answer")} given on this output across its queues.`} />
        <QueueItems slug={slug} items={lineage.queueItems} canOpenItems={canOpenItems} />
      </Card>
      <Card>
        <CardHeader title="Gold" />
        <Gold gold={lineage.gold} />
      </Card>
      <Card>
        <CardHeader title="Releases" />
        <Releases slug={slug} releases={lineage.releases} />
      </Card>
    </div>
  );
}
