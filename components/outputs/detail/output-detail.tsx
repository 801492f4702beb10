"use client";

import Link from "next/link";
import { Card, CardHeader } from "@/components/ui/card";
import { DateTime } from "@/components/ui/date-time";
import { PageHeader } from "@/components/ui/page-header";
import { ConversationView } from "../conversation-view";
import { OutputMeta } from "../output-meta";
import { SignalsList } from "../signals-list";
import { useOutput } from "../browser/use-outputs";
import { OutputLineageCards } from "./output-lineage";

/** The other turns of the output's session, oldest first, this one marked. */
function Thread({ slug, sessionId, currentId, turns }: { slug: string; sessionId: string; currentId: number; turns: { id: number; externalId: string; producedAt: Date; inputPreview: string | null }[] }) {
  return (
    <Card>
      <CardHeader
        title="Thread"
        description={
          <>
            Session <span className="font-mono">{sessionId}</span>:{" "}
            <Link href={`/p/${slug}/outputs?session_id=${encodeURIComponent(sessionId)}`} className="font-medium text-zinc-900 underline">
              list its turns
            </Link>
          </>
        }
      />
      <ol aria-label="Turns of this thread" className="divide-y divide-zinc-100">
        {turns.map((turn, index) => (
          <li key={turn.id} className="flex gap-3 px-5 py-2.5 text-sm">
            <span className="w-6 shrink-0 text-right text-zinc-500 tabular-nums">{index + 1}</span>
            <div className="min-w-0">
              {turn.id === currentId ? (
                <span className="font-mono text-xs font-medium text-zinc-900" aria-current="true">
                  {turn.externalId} (this output)
                </span>
              ) : (
                <Link href={`/p/${slug}/outputs/${turn.id}`} className="font-mono text-xs font-medium text-zinc-900 hover:underline">
                  {turn.externalId}
                </Link>
              )}
              <span className="ml-2 text-xs text-zinc-500">
                <DateTime value={turn.producedAt} />
              </span>
              {turn.inputPreview && <p className="truncate text-zinc-600">{turn.inputPreview}</p>}
            </div>
          </li>
        ))}
      </ol>
    </Card>
  );
}

/** Key/value pairs as a definition list; nothing when empty. */
function Pairs({ label, pairs }: { label: string; pairs: readonly (readonly [string, unknown])[] }) {
  if (pairs.length === 0) return null;
  return (
    <dl aria-label={label} className="grid grid-cols-[max-content_1fr] gap-x-4 gap-y-1 px-5 py-4 text-sm">
      {pairs.map(([key, value]) => (
        <div key={key} className="contents">
          <dt className="font-mono text-xs text-zinc-500">{key}</dt>
          <dd className="break-all text-zinc-800">{typeof value === "string" ? value : JSON.stringify(value)}</dd>
        </div>
      ))}
    </dl>
  );
}

/** One output: what was asked and answered, its metadata, production signals, redactions, thread and lineage. */
/** `canOpenItems`: the viewer may open queue items (leads and admins), where an item's history and removal live. */
export function OutputDetail({ projectId, slug, outputId, canOpenItems }: { projectId: string; slug: string; outputId: number; canOpenItems: boolean }) {
  const detail = useOutput(projectId, outputId);
  const { output } = detail;
  const redactions = Object.entries(output.redactionCounts).filter(([, count]) => count > 0);
  const identity: [string, string][] = [];
  if (output.traceId !== null) identity.push(["trace_id", output.traceId]);
  if (output.endUserId !== null) identity.push(["end_user_id", output.endUserId]);
  identity.push(["consent", output.consent ? "given" : "not given: never queued"]);
  return (
    <div className="space-y-4">
      <nav aria-label="Breadcrumb" className="text-sm text-zinc-500">
        <Link href={`/p/${slug}/outputs`} className="hover:text-zinc-800 hover:underline">
          Outputs
        </Link>{" "}
        / <span className="font-mono text-zinc-800">{output.externalId}</span>
      </nav>
      <PageHeader title={output.externalId} description={<OutputMeta output={output} />} />
      <Card className="p-5">
        <ConversationView input={output.input} output={output.output} candidates={output.candidates} />
      </Card>
      <div className="grid gap-4 lg:grid-cols-2">
        <Card>
          <CardHeader title="Details" description={<>Received <DateTime value={output.createdAt} /></>} />
          <Pairs label="Identity" pairs={identity} />
          <Pairs label="Metadata" pairs={Object.entries(output.metadata)} />
          {redactions.length > 0 && (
            <div className="border-t border-zinc-100">
              <p className="px-5 pt-3 text-xs font-medium tracking-wide text-zinc-500 uppercase">Redacted before storage</p>
              <Pairs label="Redaction counts" pairs={redactions} />
            </div>
          )}
        </Card>
        <Card>
          <CardHeader title="Production signals" />
          <div className="px-5 py-4">
            <SignalsList signals={detail.signals} />
          </div>
        </Card>
      </div>
      {output.sessionId && <Thread slug={slug} sessionId={output.sessionId} currentId={output.id} turns={detail.thread} />}
      <OutputLineageCards slug={slug} lineage={detail} canOpenItems={canOpenItems} />
    </div>
  );
}
